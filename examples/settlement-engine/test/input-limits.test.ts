import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOG_FILE, SettlementEngine } from '../src/engine/settlement-engine.ts'
import { LogCorruptError } from '../src/log/log-corrupt-error.ts'
import { race, single } from './support/fixtures.ts'
import { hostileBodies, type HostileBody, type HostileRoute, streamLine } from './support/hostile-bodies.ts'
import { apiError, get, post } from './support/http.ts'
import { streamCommands } from './support/ndjson.ts'
import { startTestEngine, type TestEngine } from './support/test-engine.ts'

// Issue 15, item 2: no input gets a 500, and no refused input changes anything.
const SEED = 20261208
const PER_ROUTE = 120
const ZOE = 'Zo\u00eb'
const UNAL = '\u00dcnal'

const routes: HostileRoute[] = [
  {
    path: '/bets',
    type: 'bet',
    base: {
      id: 'ticket-new',
      customer: 'mallory',
      stake: '10',
      eachWay: false,
      legs: [
        { event: 'R1', runner: 'Red Rum', price: '5/1' },
        { event: ZOE, runner: UNAL, price: '2/1' },
      ],
    },
    names: [
      ['id'],
      ['customer'],
      ['legs', 0, 'event'],
      ['legs', 0, 'runner'],
      ['legs', 1, 'event'],
      ['legs', 1, 'runner'],
    ],
    required: [
      ['customer'],
      ['stake'],
      ['legs'],
      ['legs', 0],
      ['legs', 0, 'event'],
      ['legs', 1, 'runner'],
      ['legs', 1, 'price'],
    ],
    flags: [['eachWay']],
    texts: [['stake'], ['legs', 0, 'price'], ['legs', 1, 'price']],
    objects: [
      ['legs', 0],
      ['legs', 1],
    ],
  },
  {
    path: '/events',
    type: 'event',
    base: {
      id: 'E-new',
      name: 'New race',
      runners: ['Able', ZOE, 'Charlie'],
      placeTerms: { fraction: '1/4', places: 2 },
    },
    names: [['id'], ['name'], ['runners', 0], ['runners', 1]],
    required: [['id'], ['name'], ['runners'], ['runners', 2]],
    flags: [['handicap'], ['placeTerms'], ['placeTerms', 'places']],
    texts: [['placeTerms', 'fraction']],
    objects: [['placeTerms']],
  },
  {
    path: '/events/R1/withdrawals',
    type: 'withdrawal',
    event: 'R1',
    base: { runner: 'Crisp', price: '3/1', late: false },
    names: [['runner']],
    required: [['runner'], ['price']],
    flags: [['late']],
    texts: [['price']],
    objects: [],
  },
  {
    path: '/events/R1/result',
    type: 'result',
    event: 'R1',
    base: { placings: [['Red Rum'], ['Aldaniti']], startingPrices: { 'Red Rum': '9/1' } },
    names: [
      ['placings', 0, 0],
      ['placings', 1, 0],
    ],
    required: [['placings'], ['placings', 0], ['placings', 1, 0]],
    flags: [['startingPrices']],
    texts: [['startingPrices', 'Red Rum']],
    objects: [['startingPrices']],
  },
  {
    path: '/events/R1/void',
    type: 'void',
    event: 'R1',
    base: { note: 'abandoned' },
    names: [],
    required: [],
    flags: [],
    texts: [],
    objects: [],
  },
]

// Every refusal code the engine answers with a 4xx.
const REFUSALS = new Set([
  'invalid-json',
  'too-deep',
  'duplicate-key',
  'invalid-field',
  'missing-field',
  'body-too-large',
  'event-not-found',
  'event-closed',
  'event-void',
  'unknown-runner',
  'duplicate-id',
  'runner-withdrawn',
  'withdrawn-runner',
  'runner-placed-twice',
  'same-event-legs',
  'starting-price-missing',
  'unsettleable-bet',
])

let engine: TestEngine
beforeAll(async () => {
  engine = await startTestEngine()
  const setUp = [
    await post(engine.url, '/events', race('R1')),
    await post(engine.url, '/events', { id: ZOE, name: `${ZOE}'s race`, runners: [UNAL, 'Other'] }),
    await post(engine.url, '/events', race('R2')),
    await post(engine.url, '/bets', single('alice', 'R1', 'Red Rum', '5/1', '10', { id: 'ticket-1' })),
    await post(engine.url, '/bets', single(ZOE, ZOE, UNAL, '2/1', '2.50')),
    await post(engine.url, '/bets', single('alice', 'R2', 'Crisp', '3/1', '4')),
    await post(engine.url, '/events/R2/result', { placings: [['Crisp'], ['Aldaniti']] }),
  ]
  expect(setUp.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201, 201, 200])
})
afterAll(() => engine.dispose())

// All that a refused command could have changed, as the API shows it, and the log's length.
async function snapshot(): Promise<unknown> {
  const paths = [
    '/health',
    '/events',
    '/events/R1',
    '/events/R2',
    `/events/${encodeURIComponent(ZOE)}`,
    '/events/E-new',
    '/customers/alice/bets',
    '/customers/mallory/bets',
    `/customers/${encodeURIComponent(ZOE)}/bets`,
    '/bets/ticket-1',
    '/bets/ticket-new',
    '/bets/b4',
  ]
  const answers = await Promise.all(paths.map(async (path) => [path, (await get(engine.url, path)).body]))
  return { answers: Object.fromEntries(answers), log: statSync(join(engine.dataDir, LOG_FILE)).size }
}

function expectRefused(body: HostileBody, error: { code: string; field?: string }, expected = body.api): void {
  const context = `${body.route.path} ${body.what}`
  expect(REFUSALS.has(error.code), `${context}: ${JSON.stringify(error)}`).toBe(true)
  if (expected === undefined) return
  expect(expected.codes, `${context}: ${JSON.stringify(error)}`).toContain(error.code)
  expect(error.field, `${context}: ${JSON.stringify(error)}`).toBe(expected.field)
}

describe('hostile input', () => {
  const corpus = hostileBodies(routes, SEED, PER_ROUTE)

  it(`refuses each of ${corpus.length} generated hostile bodies with a 4xx, and changes nothing`, async () => {
    const before = await snapshot()
    for (const body of corpus) {
      const answer = await post(engine.url, body.route.path, body.text)
      expect(answer.status, `${body.route.path} ${body.what}: ${JSON.stringify(answer.body)}`).toBeGreaterThanOrEqual(
        400,
      )
      expect(answer.status, `${body.route.path} ${body.what}: ${JSON.stringify(answer.body)}`).toBeLessThan(500)
      expectRefused(body, answer.body.error)
    }
    expect(await snapshot()).toEqual(before)
  })

  it('refuses the same bodies as /stream lines, one refusal per line, and changes nothing', async () => {
    const before = await snapshot()
    const outcomes = await streamCommands(engine.url, corpus.map(streamLine))
    expect(outcomes).toHaveLength(corpus.length)
    for (const [i, outcome] of outcomes.entries()) {
      expect(outcome.ok, `${corpus[i]!.route.path} ${corpus[i]!.what}: ${JSON.stringify(outcome)}`).toBe(false)
      expectRefused(corpus[i]!, outcome.error as { code: string; field?: string }, corpus[i]!.stream)
    }
    expect(await snapshot()).toEqual(before)
  })

  it('answers a bet with a value nested 5,000 deep 400, on the API and the stream', async () => {
    const text = JSON.stringify(single('mallory', 'R1', 'Red Rum', '5/1', '10')).replace(
      /}$/,
      `,"x":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    )
    const message =
      'the body nests deeper than 32 levels (in "x"); the limit is 32. Send the command as documented: none ' +
      'nests more than 3 levels'
    const answer = await post(engine.url, '/bets', text)
    expect([answer.status, answer.body]).toEqual([400, apiError('too-deep', message, 'x')])
    expect(await streamCommands(engine.url, [`{"type":"bet",${text.slice(1)}`])).toEqual([
      { ok: false, error: { code: 'too-deep', message: message.replace('body', 'line'), field: 'x' } },
    ])
  })

  it('refuses a key given twice, escaped or not, instead of taking the last', async () => {
    const text =
      '{"customer":"mallory","stake":"10","st\\u0061ke":"20","legs":[{"event":"R1","runner":"Red Rum","price":"5/1"}]}'
    const message =
      'stake: the body gives the key "stake" twice in one object (keys are compared after unescaping); send each ' +
      'key once'
    const answer = await post(engine.url, '/bets', text)
    expect([answer.status, answer.body]).toEqual([400, apiError('duplicate-key', message, 'stake')])
    const plain =
      '{"type":"bet","customer":"mallory","stake":"10","stake":"20",' +
      '"legs":[{"event":"R1","runner":"Red Rum","price":"5/1"}]}'
    expect(await streamCommands(engine.url, [plain])).toEqual([
      { ok: false, error: { code: 'duplicate-key', message: message.replace('body', 'line'), field: 'stake' } },
    ])
  })

  it('stores ids and names NFC-normalised: two spellings of one name are one customer and one event', async () => {
    const decomposed = 'Zoe\u0308'
    const bet = await post(engine.url, '/bets', single(decomposed, ZOE, UNAL.normalize('NFD'), '2/1', '1'))
    expect(bet.status).toBe(201)
    const [streamed] = await streamCommands(engine.url, [
      { type: 'bet', ...single(decomposed, decomposed, UNAL, '2/1', '1') },
    ])
    expect(streamed).toMatchObject({ ok: true, totalStake: '1.00' })
    const bets = await get(engine.url, `/customers/${encodeURIComponent(decomposed)}/bets`)
    expect(bets.body.map((view: { id: string }) => view.id)).toEqual([streamed!.id, bet.body.id, 'b2'])
    const again = await post(engine.url, '/events', race(decomposed))
    expect([again.status, again.body]).toEqual([
      409,
      apiError('duplicate-id', `an event with id "${ZOE}" already exists; choose another id`, 'id'),
    ])
  })

  it('refuses an id with a zero-width space, a bidi override or NUL, naming the field', async () => {
    const allowed =
      'send a name of 1 to 200 characters without control characters, invisible format characters (zero-width, ' +
      'BOM, bidi) or line separators'
    const cases: Array<[string, string, string]> = [
      ['ali\u200bce', '"ali\\u200bce" contains U+200B, an invisible format character, at character 4', 'customer'],
      ['\u202ealice', '"\\u202ealice" contains U+202E, an invisible format character, at character 1', 'customer'],
      ['alice\u0000', '"alice\\u0000" contains U+0000, a control character, at character 6', 'customer'],
    ]
    for (const [customer, found, field] of cases) {
      const answer = await post(engine.url, '/bets', single(customer, 'R1', 'Red Rum', '5/1', '10'))
      expect([answer.status, answer.body]).toEqual([
        400,
        apiError('invalid-field', `${field}: ${found}; ${allowed}`, field),
      ])
    }
    const [streamed] = await streamCommands(engine.url, [{ type: 'event', ...race('R\u20661') }])
    expect(streamed).toEqual({
      ok: false,
      error: {
        code: 'invalid-field',
        message: `id: "R\\u20661" contains U+2066, an invisible format character, at character 2; ${allowed}`,
        field: 'id',
      },
    })
  })

  it('refuses an each-way stake whose two stakes are more pence than the engine counts exactly', async () => {
    const answer = await post(
      engine.url,
      '/bets',
      single('mallory', 'R1', 'Red Rum', '5/1', '90000000000000', { eachWay: true }),
    )
    expect([answer.status, answer.body]).toEqual([
      400,
      apiError(
        'invalid-field',
        'stake: "90000000000000" each-way is two stakes, more in all than this engine can count exactly (2^53 - 1 ' +
          'pence); stake at most 45035996273704.95 each-way',
        'stake',
      ),
    ])
  })
})

describe('replaying a log written before the limits', () => {
  // The limits hold for the log too: replay reads lines as the stream does. A line the engine once took and
  // now refuses stops the start, naming the line, rather than being skipped or read another way.
  it('refuses to start on a logged line that gives a key twice, naming the line and the key', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'settlement-limits-'))
    try {
      const lines = [
        JSON.stringify({ type: 'event', ...race('R1') }),
        '{"type":"bet","customer":"c","stake":"10","stake":"20",' +
          '"legs":[{"event":"R1","runner":"Red Rum","price":"5/1"}]}',
      ]
      writeFileSync(join(dataDir, LOG_FILE), lines.join('\n') + '\n')
      const opening = SettlementEngine.open({ dataDir, sync: false })
      await expect(opening).rejects.toThrow(LogCorruptError)
      await expect(opening).rejects.toThrow(
        'line 2: the engine refuses it (duplicate-key: stake: the line gives the key "stake" twice in one object ' +
          '(keys are compared after unescaping); send each key once)',
      )
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('replays a name logged in another Unicode form as its NFC form', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'settlement-limits-'))
    try {
      const lines = [
        JSON.stringify({ type: 'event', ...race('R1') }),
        JSON.stringify({ type: 'bet', ...single('Zoe\u0308', 'R1', 'Red Rum', '5/1', '10') }),
      ]
      writeFileSync(join(dataDir, LOG_FILE), lines.join('\n') + '\n')
      const engine = await SettlementEngine.open({ dataDir, sync: false })
      expect(engine.customerBets(ZOE)?.map((bet) => bet.id)).toEqual(['b1'])
      await engine.close()
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
