/** A JSON answer: the status and the parsed body. */
export interface JsonAnswer {
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: JSON.parse's type, any endpoint's answer; tests expect() what they read
  body: any
  headers: Headers
}

/**
 * POSTs a JSON body (or raw text) and reads the JSON answer.
 *
 * @example
 *   const { status, body } = await post('http://127.0.0.1:8080', '/bets', {
 *     customer: 'alice',
 *     stake: '10',
 *     legs: [{ event: 'R1', runner: 'Red Rum', price: '5/1' }],
 *   })
 */
export async function post(baseUrl: string, path: string, body?: unknown, init: RequestInit = {}): Promise<JsonAnswer> {
  const response = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  })
  return { status: response.status, body: await readJson(response), headers: response.headers }
}

/**
 * GETs a path and reads the JSON answer.
 *
 * @example
 *   const { body } = await get('http://127.0.0.1:8080', '/bets/b1')
 */
export async function get(baseUrl: string, path: string, init: RequestInit = {}): Promise<JsonAnswer> {
  const response = await fetch(baseUrl + path, init)
  return { status: response.status, body: await readJson(response), headers: response.headers }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  return text === '' ? undefined : JSON.parse(text)
}

/** The error body the API answers with. */
export function apiError(code: string, message: string, field?: string): { error: Record<string, string> } {
  return { error: field === undefined ? { code, message } : { code, message, field } }
}
