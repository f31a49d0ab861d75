import { expect, test } from 'vitest'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { backendDockerfile, libraryPaths } from './base-image.ts'

test("libraryPaths reads ldd's output: the libraries and the loader, not the vDSO", () => {
  const ldd = [
    '\tlinux-vdso.so.1 (0x00007ffd)',
    '\tlibstdc++.so.6 => /lib/x86_64-linux-gnu/libstdc++.so.6 (0x00007f10)',
    '\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f20)',
    '\t/lib64/ld-linux-x86-64.so.2 (0x00007f30)',
    '',
  ].join('\n')
  expect(libraryPaths(ldd)).toEqual([
    '/lib/x86_64-linux-gnu/libstdc++.so.6',
    '/lib/x86_64-linux-gnu/libc.so.6',
    '/lib64/ld-linux-x86-64.so.2',
  ])
  expect(libraryPaths('\tnot a dynamic executable\n')).toEqual([])
})

test('backendDockerfile builds the same image on the offline base', () => {
  expect(backendDockerfile('# the replica image\nFROM node:20-alpine\nCOPY a /app/a\nCMD ["node", "/app/a"]\n')).toBe(
    '# the replica image\nFROM parlance/base:latest\nCOPY a /app/a\nCMD ["node", "/app/a"]\n',
  )
  expect(() => backendDockerfile('COPY a /app/a\n')).toThrow(
    new ConfigurationError(
      'backendDockerfile: the Dockerfile has no FROM line to replace; it begins "COPY a /app/a\\n"',
    ),
  )
})
