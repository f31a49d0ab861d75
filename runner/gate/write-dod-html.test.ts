import { describe, expect, test } from 'vitest'
import type { Attachment, FeatureOutline, StepRun } from '../../drivers/core/run-model/index.ts'
import { attemptOf, channelRunOf, scenarioOf } from '../../drivers/core/run-model/test-runs.ts'
import { featureMatcher } from '../config/domain-sections.ts'
import { judge } from './judge.ts'
import { dodHtml } from './write-dod-html.ts'

const orders: FeatureOutline = {
  uri: 'specs/orders.feature',
  name: 'Orders',
  tags: ['@story:ORD-1'],
  storyId: 'ORD-1',
  rules: [
    { name: 'Paid orders are confirmed', line: 5, scenarios: 1 },
    { name: 'Unpaid orders <b>stay</b> open', line: 10, scenarios: 1 },
  ],
}
const misc: FeatureOutline = { uri: 'specs/misc.feature', name: 'Odds & ends', tags: [], rules: [] }
const paid = { name: 'Paid orders are confirmed', line: 5 }
const unpaid = { name: 'Unpaid orders <b>stay</b> open', line: 10 }

const step = (text: string, more: Partial<StepRun> = {}): StepRun => ({
  text,
  status: 'passed',
  durationMs: 4,
  attachments: [],
  ...more,
})
const attachment = (mediaType: string, body: string, more: Partial<Attachment> = {}): Attachment => ({
  mediaType,
  body,
  encoding: 'identity',
  ...more,
})
const png = 'iVBORw0KGgo='
const reportLink = '<a href="report.html">report.html</a>'
const compromisedFailure = 'When <script>alert(1)</script> pays\nGET /orders failed: connection refused for alice-x1'

// api: paid passes with attachments, unpaid is compromised; ui: paid is flaky, unpaid passes; a loose scenario on api.
function runs() {
  const paidOnApi = scenarioOf(orders, 6, {
    rule: paid,
    name: 'Alice pays <script>alert("x")</script>',
    attempts: [
      attemptOf('passed', {
        steps: [
          step('Given Alice has an order', {
            attachments: [
              attachment('application/vnd.parlance.aliases+json', '{"runId":"x1","aliases":{"Alice":"alice-x1"}}'),
              attachment('image/png', png, { encoding: 'base64', fileName: 'shot.png' }),
              attachment('image/png', 'A'.repeat(400 * 1024), { encoding: 'base64', fileName: 'huge.png' }),
              attachment('application/zip', 'UEsD', { encoding: 'base64', fileName: 'trace.zip' }),
              attachment('text/plain', 'x'.repeat(100 * 1024), { fileName: 'log.txt' }),
              attachment('text/plain', 'AAEbQQ==', { encoding: 'base64', fileName: 'bytes.bin' }),
            ],
          }),
          step('When she pays'),
        ],
      }),
    ],
  })
  const unpaidOnApi = scenarioOf(orders, 11, {
    rule: unpaid,
    attempts: [
      attemptOf('failed', {
        failure: compromisedFailure,
        failureKind: 'system-compromised',
        steps: [step('When Alice does not pay', { status: 'failed', error: compromisedFailure.split('\n')[1]! })],
      }),
    ],
  })
  const paidOnUi = scenarioOf(orders, 6, {
    rule: paid,
    attempts: [
      attemptOf('failed', { failure: 'Then it is paid\nexpected paid, got open', failureKind: 'assertion-failed' }),
      attemptOf('passed'),
    ],
  })
  const loose = scenarioOf(misc, 3, { name: 'A scenario of no story' })
  return [
    channelRunOf('api', [paidOnApi, unpaidOnApi, loose], [orders, misc]),
    channelRunOf('ui', [paidOnUi, scenarioOf(orders, 11, { rule: unpaid })], [orders]),
  ]
}

const dealias = (text: string): string => text.replaceAll('alice-x1', 'Alice')
const page = dodHtml(judge(runs(), {}), dealias)
const cellId = (channel: string, line: number) => `cell-${channel}-specs_2f_orders_2e_feature_3a_${line}`

describe('dod.html', () => {
  test('says RED at the top with the run’s figures and the count of each cell', () => {
    expect(page).toContain('<header class="verdict verdict-red" id="verdict">')
    expect(page).toContain('<h1>Definition of done: <span class="verdict-word">RED ✗</span></h1>')
    expect(page).toContain('<p class="figures">Channels: api, ui · scenario runs: 5</p>')
    const counts = [...page.matchAll(/<ul class="counts">(.*?)<\/ul>/g)][0]![1]!
    expect([...counts.matchAll(/<span class="mark">([^<]*)<\/span> ([^<]*)</g)].map((match) => match.slice(1))).toEqual(
      [
        ['!', '1 system compromised'],
        ['~', '1 flaky'],
        ['✓', '3 passed'],
      ],
    )
  })

  test('shows each criterion × channel as a coloured, marked cell linking to its runs', () => {
    expect(page).toContain(
      `<td class="cell cell-flaky"><a href="#${cellId('ui', 5)}"><span class="badge cell-flaky" ` +
        'title="flaky: failed, then passed on a retry"><span class="mark">~</span> flaky</span></a></td>',
    )
    expect(page).toContain(
      `<td class="cell cell-system-compromised"><a href="#${cellId('api', 10)}"><span class="badge ` +
        'cell-system-compromised" title="system compromised: the system under test could not be reached, or broke">' +
        '<span class="mark">!</span> system compromised</span></a></td>',
    )
    const rows = [...page.matchAll(/<tr id="([^"]+)"[^>]*>(.*?)<\/tr>/g)].map(([, id, row]) => [
      id,
      [...row!.matchAll(/<td class="cell (cell-[\w-]+)">(?:<a href="#([^"]+)">)?/g)].map((cell) => cell.slice(1)),
    ])
    expect(rows).toEqual([
      [
        'row-specs_2f_orders_2e_feature_3a_5',
        [
          ['cell-passed', cellId('api', 5)],
          ['cell-flaky', cellId('ui', 5)],
        ],
      ],
      [
        'row-specs_2f_orders_2e_feature_3a_10',
        [
          ['cell-system-compromised', cellId('api', 10)],
          ['cell-passed', cellId('ui', 10)],
        ],
      ],
      [
        'row-specs_2f_misc_2e_feature_3a_3',
        [
          ['cell-passed', 'cell-api-specs_2f_misc_2e_feature_3a_3'],
          ['cell-none', undefined],
        ],
      ],
    ])
  })

  test('every link leads to a section of the page, and every cell’s section holds its runs', () => {
    const ids = new Set([...page.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]))
    const targets = [...page.matchAll(/href="#([^"]+)"/g)].map((match) => match[1])
    expect(targets.filter((target) => !ids.has(target))).toEqual([])
    const sections = [
      ...page.matchAll(/<section class="cell-runs" id="([^"]+)">(.*?)<\/section>\n(?=<section|\n|<\/body)/gs),
    ]
    expect(
      sections.map(([, id, body]) => [
        id,
        [...body!.matchAll(/<details class="run [^"]+" id="([^"]+)"/g)].map((m) => m[1]),
      ]),
    ).toEqual([
      [cellId('api', 5), ['run-api-specs_2f_orders_2e_feature_3a_6']],
      [cellId('ui', 5), ['run-ui-specs_2f_orders_2e_feature_3a_6']],
      [cellId('api', 10), ['run-api-specs_2f_orders_2e_feature_3a_11']],
      [cellId('ui', 10), ['run-ui-specs_2f_orders_2e_feature_3a_11']],
      ['cell-api-specs_2f_misc_2e_feature_3a_3', ['run-api-specs_2f_misc_2e_feature_3a_3']],
    ])
  })

  test('escapes names, criteria and messages, and de-aliases the messages', () => {
    expect(page).not.toMatch(/<script|<b>/)
    expect(page).toContain('Alice pays &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(page).toContain('Unpaid orders &lt;b&gt;stay&lt;/b&gt; open')
    expect(page).toContain('<pre class="error">GET /orders failed: connection refused for Alice</pre>')
    expect(page).toContain(
      'When &lt;script&gt;alert(1)&lt;/script&gt; pays\nGET /orders failed: connection refused for Alice',
    )
    expect(page).not.toContain('alice-x1</pre>')
    expect(page).toContain('<td>(no story) Odds &amp; ends</td>')
  })

  test('opens a failed or flaky run with every attempt; folds a passed one', () => {
    expect(page).toContain('<details class="run cell-flaky" id="run-ui-specs_2f_orders_2e_feature_3a_6" open>')
    expect(page).toContain(
      '<details class="run cell-system-compromised" id="run-api-specs_2f_orders_2e_feature_3a_11" open>',
    )
    expect(page).toContain('<details class="run cell-passed" id="run-api-specs_2f_orders_2e_feature_3a_6">')
    expect(page).toContain('<h5>Attempt 1 of 2: assertion failed <span class="duration">5 ms</span></h5>')
    expect(page).toContain('<pre class="error">Then it is paid\nexpected paid, got open</pre>')
    expect(page).toContain('<h5>Attempt 2 of 2: passed <span class="duration">5 ms</span></h5>')
    expect(page).toContain('<span class="mark">~</span> flaky: passed on attempt 2</span>')
  })

  test('shows text and JSON attachments, embeds small images, names the rest', () => {
    expect(page).toContain(
      '<figure class="attachment"><figcaption>application/vnd.parlance.aliases+json, 45 B</figcaption><pre>{\n' +
        '  &quot;runId&quot;: &quot;x1&quot;,\n  &quot;aliases&quot;: {\n' +
        '    &quot;Alice&quot;: &quot;alice-x1&quot;\n  }\n}</pre></figure>',
    )
    expect(page).toContain(
      '<figure class="attachment"><figcaption>image/png &quot;shot.png&quot;, 8 B</figcaption>' +
        `<img src="data:image/png;base64,${png}" alt="shot.png"></figure>`,
    )
    expect(page).toContain(
      '<p class="attachment">image/png &quot;huge.png&quot;, 300.0 KiB: too large to show here (over 256.0 KiB); ' +
        `see ${reportLink}</p>`,
    )
    expect(page).toContain(
      `<p class="attachment">application/zip &quot;trace.zip&quot;, 3 B: not shown here; see ${reportLink}</p>`,
    )
    expect(page).toContain(
      `<pre>${'x'.repeat(64 * 1024)}</pre><p class="truncated">Truncated: the first 64.0 KiB of 100.0 KiB; ` +
        `the whole attachment is in ${reportLink}.</p>`,
    )
  })

  test('shows the control characters of a text attachment by their pictures: HTML has no place for them', () => {
    expect(page).toContain('<figcaption>text/plain &quot;bytes.bin&quot;, 4 B</figcaption><pre>␀␁␛A</pre>')
    expect(page).not.toMatch(/[^\P{Cc}\t\n\r]/u)
  })

  test('lists the reasons for red, each linking to what it is about', () => {
    const reasons = [...page.matchAll(/<ol class="reasons">(.*?)<\/ol>/gs)][0]![1]!
    expect([...reasons.matchAll(/<li><a href="#([^"]+)">([^<]*)<\/a>/g)].map((match) => match.slice(1))).toEqual([
      [
        'run-ui-specs_2f_orders_2e_feature_3a_6',
        'ORD-1 › &quot;Paid orders are confirmed&quot; › &quot;scenario 6&quot; (specs/orders.feature:6) on ui: ' +
          'flaky: failed, then passed on attempt 2 (--allow-flaky lets it through)',
      ],
      [
        'run-api-specs_2f_orders_2e_feature_3a_11',
        'ORD-1 › &quot;Unpaid orders &lt;b&gt;stay&lt;/b&gt; open&quot; › &quot;scenario 11&quot; ' +
          '(specs/orders.feature:11) on api: system compromised',
      ],
    ])
  })

  test('groups the stories by domain, each on its own channels', () => {
    const domains = [
      { title: 'orders', channels: ['api', 'ui'], owns: featureMatcher(['specs/orders.feature']) },
      { title: 'misc <stuff>', channels: ['api'], owns: featureMatcher(['specs/misc.feature']) },
    ]
    const grouped = dodHtml(judge(runs(), { domains }), dealias)
    expect(grouped).toContain(
      '<nav>Domains: <a href="#domain-orders">orders</a>' +
        '<a href="#domain-misc_20__3c_stuff_3e_">misc &lt;stuff&gt;</a></nav>',
    )
    expect(grouped).toContain(
      '<section class="domain" id="domain-misc_20__3c_stuff_3e_">\n' +
        '<h2>misc &lt;stuff&gt; <span class="channels">api</span></h2>',
    )
    expect(grouped).toContain(
      '<table class="dod"><thead><tr><th class="story">Story</th><th>Scenario</th>' +
        '<th class="channel">api</th></tr></thead>',
    )
    expect(grouped).toContain(
      '<h3>misc &lt;stuff&gt;</h3>\n<section class="cell-runs" id="cell-api-specs_2f_misc_2e_feature_3a_3">',
    )
  })

  test('says GREEN, with no reasons, when the gate is green', () => {
    const green = dodHtml(judge([channelRunOf('api', [scenarioOf(orders, 6, { rule: paid })], [orders])], {}), dealias)
    expect(green).toContain('<header class="verdict verdict-green" id="verdict">')
    expect(green).toContain('<h1>Definition of done: <span class="verdict-word">GREEN ✓</span></h1>')
    expect(green).not.toContain('Reasons for red')
  })
})
