const dockerChain = /^DOCKER(?:-USER|-ISOLATION-STAGE-\d+)?$/

/**
 * The `iptables` argument lists that undo what a Docker daemon added to one
 * table, read from that table's `iptables -t TABLE -S`: the rules in the
 * built-in chains that jump to a Docker chain or name `docker0` are deleted,
 * then every Docker chain is flushed and deleted.
 *
 * @example
 *   iptablesCleanup('nat', ['-N DOCKER', '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER'])
 *   // → [['-t', 'nat', '-D', 'PREROUTING', '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'DOCKER'],
 *   //    ['-t', 'nat', '-F', 'DOCKER'], ['-t', 'nat', '-X', 'DOCKER']]
 */
export function iptablesCleanup(table: string, rules: readonly string[]): string[][] {
  const chains = dockerChains(rules)
  const commands: string[][] = []
  for (const rule of rules) {
    const words = rule.trim().split(/\s+/)
    if (words[0] !== '-A' || words[1] === undefined || chains.includes(words[1])) continue
    const target = words[words.indexOf('-j') + 1]
    const jumpsToDocker = words.includes('-j') && target !== undefined && chains.includes(target)
    if (jumpsToDocker || words.includes('docker0')) commands.push(['-t', table, '-D', ...words.slice(1)])
  }
  for (const chain of chains) commands.push(['-t', table, '-F', chain])
  for (const chain of chains) commands.push(['-t', table, '-X', chain])
  return commands
}

/**
 * The Docker chains declared in an `iptables -S` listing.
 *
 * @example
 *   dockerChains(['-P INPUT ACCEPT', '-N DOCKER', '-N DOCKER-USER', '-N MINE']) // ['DOCKER', 'DOCKER-USER']
 */
export function dockerChains(rules: readonly string[]): string[] {
  return rules
    .map((rule) => /^-N (\S+)$/.exec(rule.trim())?.[1])
    .filter((chain): chain is string => chain !== undefined && dockerChain.test(chain))
}

/**
 * A built-in chain's policy in an `iptables -S` listing (dockerd sets FORWARD's to DROP; cleanup puts it back).
 *
 * @example
 *   chainPolicy(['-P INPUT ACCEPT', '-P FORWARD DROP'], 'FORWARD') // 'DROP'
 */
export function chainPolicy(rules: readonly string[], chain: string): string | undefined {
  for (const rule of rules) {
    const words = rule.trim().split(/\s+/)
    if (words[0] === '-P' && words[1] === chain) return words[2]
  }
  return undefined
}
