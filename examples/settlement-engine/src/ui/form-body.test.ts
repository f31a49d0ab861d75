import { request } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FormBodyError, readFormBody } from './form-body.ts'
import { startTestServer, type TestServer } from './test/ui-test-server.ts'

let server: TestServer

beforeEach(async () => {
  server = await startTestServer(async (req, res) => {
    try {
      const form = await readFormBody(req, 64)
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify([...form]))
    } catch (error) {
      if (!(error instanceof FormBodyError)) throw error
      res.writeHead(error.status, { connection: 'close' }).end(error.message)
    }
  })
})
afterEach(async () => {
  await server.close()
})

const post = (body: string | Uint8Array<ArrayBuffer>, type = 'application/x-www-form-urlencoded; charset=UTF-8') =>
  fetch(server.url, { method: 'POST', headers: { 'content-type': type }, body })

describe('readFormBody', () => {
  it('reads an urlencoded form, repeated names and UTF-8 included', async () => {
    const response = await post('runner=Red+R%C3%BCm&runner=Dobbin&late=on')
    expect(await response.json()).toEqual([
      ['runner', 'Red Rüm'],
      ['runner', 'Dobbin'],
      ['late', 'on'],
    ])
  })

  it('refuses another content type with 415, naming it', async () => {
    const response = await post('{"runner":"Dobbin"}', 'application/json')
    expect([response.status, await response.text()]).toEqual([
      415,
      'The form was sent as "application/json"; this page takes application/x-www-form-urlencoded.',
    ])
  })

  it('refuses a body over the limit with 413, by its declared length', async () => {
    const response = await post('runners=' + 'x'.repeat(80))
    expect([response.status, await response.text()]).toEqual([
      413,
      'The form is 88 bytes or more; the limit is 64. Send fewer lines.',
    ])
  })

  it('refuses a chunked body with 413 as soon as it passes the limit, and still answers', async () => {
    const answer = await new Promise<{ status: number | undefined; text: string }>((resolve, reject) => {
      const req = request(
        server.url,
        { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
        (res) => {
          let text = ''
          res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
          res.on('end', () => resolve({ status: res.statusCode, text }))
        },
      )
      req.on('error', reject)
      req.write('a=' + 'x'.repeat(40))
      req.write('&b=' + 'y'.repeat(40))
      req.end()
    })
    expect(answer).toEqual({ status: 413, text: 'The form is 85 bytes or more; the limit is 64. Send fewer lines.' })
  })

  it('refuses bytes that are not UTF-8 with 400', async () => {
    const response = await post(new Uint8Array([0x61, 0x3d, 0xff, 0xfe]))
    expect([response.status, await response.text()]).toEqual([
      400,
      'The form is not valid UTF-8; send it from the page.',
    ])
  })
})
