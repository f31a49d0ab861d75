import type { AliasedName } from '../../drivers/core/aliased-name.ts'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import type { StartedReplica } from '../../drivers/load-balancer/index.ts'
import { maxLength, slug, type AliasStrategy, type NameAliaser } from '../core/aliases/index.ts'

/**
 * Container names and host labels: the slug form (lower-case letters, digits and `-`, as Docker's names and the
 * DNS ask; the load balancer matches hosts in lower case), within a DNS label's 63 characters.
 */
const hostSafe = maxLength(63, slug)

/** The domain every scenario's hosts end in. */
export const hostDomain = 'parlance.test'

/** A service's Host, aliased whole so that messages naming it read back as the service's name. */
const hostName: AliasStrategy = {
  name: 'host',
  make: (parts) => `${hostSafe.make(parts)}.${hostDomain}`,
  check: (value) =>
    value.endsWith(`.${hostDomain}`)
      ? hostSafe.check?.(value.slice(0, -`.${hostDomain}`.length))
      : `a host in ${hostDomain}`,
}

/** What happened to a replica, as far as the scenario made it happen. */
export type ReplicaState = 'running' | 'stopping' | 'stopped' | 'crashed'

/** One replica of a scenario's service: its number in the spec ("replica 2") and its container. */
export interface ReplicaRecord {
  number: number
  container: StartedReplica
  version: number
  state: ReplicaState
  /** When the daemon had started it (epoch ms). */
  startedAt: number
  /** When the scenario crashed, terminated or stopped it (epoch ms). */
  endedAt?: number
}

/** One of the scenario's services: its spec name and Host. */
export interface ServiceRecord {
  name: string
  host: AliasedName
  replicas: ReplicaRecord[]
  version: number
  healthChecks: boolean
}

/**
 * The scenario's services and their replicas, by the spec's names; the
 * service mentioned last is the one "replica 2" belongs to.
 *
 * @example
 *   declare const aliases: NameAliaser
 *   const book = new ServiceBook()
 *   const checkout = book.service('checkout', aliases) // host 'checkout-r7k2-x9q2bz.parlance.test'
 *   book.replicaName(checkout, 2, aliases) // 'checkout-2-r7k2-m4p8aa'
 *   book.replica('crash', book.serviceOrCurrent('crash', undefined, aliases), 2) // of the service mentioned last
 */
export class ServiceBook {
  private readonly services = new Map<string, ServiceRecord>()
  private current: ServiceRecord | undefined

  /** The service named `name`, made (aliased) on first mention; it becomes the current service. */
  service(name: string, aliases: NameAliaser): ServiceRecord {
    const key = name.trim().toLowerCase()
    let service = this.services.get(key)
    if (service === undefined) {
      service = {
        name,
        host: aliases.alias(name, { strategy: hostName }),
        replicas: [],
        version: 1,
        healthChecks: false,
      }
      this.services.set(key, service)
    }
    this.current = service
    return service
  }

  /** The named service, else the one mentioned last; a configuration error when there is none yet. */
  serviceOrCurrent(method: string, name: string | undefined, aliases: NameAliaser): ServiceRecord {
    if (name !== undefined) return this.service(name, aliases)
    if (this.current === undefined) {
      throw new ConfigurationError(
        `${method}: no service has been mentioned yet, so it is not clear whose replica is meant; name the ` +
          `service, e.g. "the checkout service runs 3 replicas" first`,
      )
    }
    return this.current
  }

  /** Replica `number` of the service, or a configuration error listing the replicas it has. */
  replica(method: string, service: ServiceRecord, number: number): ReplicaRecord {
    const replica = service.replicas.find((r) => r.number === number)
    if (replica === undefined) {
      const numbers = service.replicas.map((r) => r.number)
      throw new ConfigurationError(
        `${method}: the ${service.name} service has no replica ${number}; it has ` +
          `${numbers.length === 0 ? 'none' : `replicas ${numbers.join(', ')}`}`,
      )
    }
    return replica
  }

  /** The replica whose container has this real name, in any service. */
  byContainerName(name: string): ReplicaRecord | undefined {
    for (const service of this.services.values()) {
      const replica = service.replicas.find((r) => r.container.name === name)
      if (replica !== undefined) return replica
    }
    return undefined
  }

  /** Replica `number`'s container name, aliased on its own so that messages name it `checkout-2`. */
  replicaName(service: ServiceRecord, number: number, aliases: NameAliaser): AliasedName {
    return aliases.alias(`${service.name}-${number}`, { strategy: hostSafe })
  }

  /** Every service the scenario has mentioned. */
  all(): ServiceRecord[] {
    return [...this.services.values()]
  }
}
