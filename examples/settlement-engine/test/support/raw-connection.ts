import { connect, type Socket } from 'node:net'

/** A TCP connection to the server that sends exactly the bytes a test writes, as slowly as it likes. */
export interface RawConnection {
  /** Sends these bytes now. */
  write(text: string): void
  /** Sends one byte of `text` every `everyMs` until it is all sent or the server closes. */
  trickle(text: string, everyMs: number): void
  /** Everything received so far. */
  received(): string
  /** Whether the server has closed the connection. */
  isClosed(): boolean
  /** Resolves with everything received once the server has closed the connection. */
  closed: Promise<string>
  /** Closes it from this side. */
  destroy(): void
}

/**
 * Opens a raw connection to an `http://host:port` URL.
 *
 * @example
 *   const connection = await openRawConnection('http://127.0.0.1:8080')
 *   connection.trickle('GET /health HTTP/1.1\r\n', 100)
 *   await connection.closed // 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n'
 */
export async function openRawConnection(url: string): Promise<RawConnection> {
  const { hostname, port } = new URL(url)
  const socket: Socket = connect(Number(port), hostname)
  let received = ''
  let isClosed = false
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()))
  // A reset after the answer still closes it: the test reads what arrived.
  socket.on('error', () => {})
  const closed = new Promise<string>((resolve) =>
    socket.once('close', () => {
      isClosed = true
      resolve(received)
    }),
  )
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve)
    socket.once('error', reject)
  })
  let trickling: NodeJS.Timeout | undefined
  void closed.then(() => clearInterval(trickling))
  return {
    write: (text) => void socket.write(text),
    trickle: (text, everyMs) => {
      let at = 0
      trickling = setInterval(() => {
        if (at >= text.length || socket.destroyed) return clearInterval(trickling)
        socket.write(text[at++]!)
      }, everyMs)
    },
    received: () => received,
    isClosed: () => isClosed,
    closed,
    destroy: () => {
      clearInterval(trickling)
      socket.destroy()
    },
  }
}

/** An HTTP response as it came over the wire. */
export interface RawResponse {
  /** 'HTTP/1.1 408 Request Timeout' */
  statusLine: string
  /** Header names in lower case. */
  headers: Record<string, string>
  body: string
}

/**
 * Splits one HTTP/1.1 response (with a content-length body) into its parts.
 *
 * @example
 *   readRawResponse('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}').body // '{}'
 */
export function readRawResponse(text: string): RawResponse {
  const end = text.indexOf('\r\n\r\n')
  if (end === -1) throw new Error(`no complete HTTP response head in ${JSON.stringify(text)}`)
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n')
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { statusLine: statusLine!, headers, body: text.slice(end + 4) }
}
