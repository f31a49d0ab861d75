import type { GateCell } from './judge.ts'

// Each failure kind has its own colour and its mark, so the table reads in colour and in black and white alike;
// a system-compromised cell is striped (the system, not the spec, is in question) and a flaky one dashed.
const cellColours: Record<Exclude<GateCell, 'none'>, { background: string; colour: string; extra?: string }> = {
  'assertion-failed': { background: '#dc2626', colour: '#fff' },
  error: { background: '#7f1d1d', colour: '#fff' },
  'timed-out': { background: '#ea580c', colour: '#fff' },
  'configuration-error': { background: '#92400e', colour: '#fff' },
  'system-compromised': {
    background: 'repeating-linear-gradient(135deg, #7e22ce 0 8px, #6b21a8 8px 16px)',
    colour: '#fff',
  },
  unfinished: { background: '#fce7f3', colour: '#9d174d' },
  flaky: { background: '#fef3c7', colour: '#92400e', extra: 'outline: 2px dashed #d97706; outline-offset: -3px;' },
  skipped: { background: '#fef9c3', colour: '#854d0e' },
  'not-run': { background: '#fee2e2', colour: '#991b1b', extra: 'outline: 2px dotted #991b1b; outline-offset: -3px;' },
  'not-applicable': { background: '#f3f4f6', colour: '#4b5563' },
  passed: { background: '#dcfce7', colour: '#166534' },
}

const cellRules = Object.entries(cellColours).map(
  ([cell, { background, colour, extra = '' }]) =>
    `td.cell-${cell}, .badge.cell-${cell} { background: ${background}; color: ${colour}; ${extra} }`,
)

/**
 * dod.html's whole style sheet: no external asset, so the file can be mailed, archived or opened from a CI artifact.
 *
 * @example
 *   dodHtmlStyle.includes('td.cell-flaky') // true
 */
export const dodHtmlStyle = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1200px; padding: 0 24px 48px; }
body { color: #111827; }
h1 { margin: 0; font-size: 26px; }
h2 { margin-top: 36px; border-bottom: 1px solid #e5e7eb; }
h3 { margin-top: 24px; }
a { color: inherit; }
.where, .channels, .feature, .duration { color: #6b7280; font-weight: normal; font-size: 12px; }
.verdict { margin: 16px -24px 0; padding: 16px 24px; border-radius: 0 0 8px 8px; color: #fff; }
.verdict-green { background: #15803d; }
.verdict-red { background: #b91c1c; }
.figures { margin: 6px 0; }
.counts, .legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; white-space: nowrap; }
.verdict .badge { border: 1px solid rgba(255, 255, 255, 0.6); }
.mark { font-weight: bold; }
nav { margin: 12px 0; }
nav a { margin-left: 12px; }
table.dod { border-collapse: collapse; margin: 8px 0; width: 100%; table-layout: fixed; }
table.dod th.channel { width: 150px; }
table.dod th.story { width: 220px; }
table.dod tbody th { font-weight: normal; }
table.dod th, table.dod td { border: 1px solid #d1d5db; padding: 4px 10px; text-align: left; vertical-align: top; }
table.dod thead th { background: #f9fafb; }
table.dod td.cell { text-align: center; min-width: 96px; }
table.dod td.cell a { display: block; text-decoration: none; }
table.dod td.cell a:hover { text-decoration: underline; }
td .badge { background: none; outline: none; padding: 0; color: inherit; }
tr:target th { background: #dbeafe; }
.reasons li { margin: 4px 0; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 4px 0; padding: 6px 8px; font-size: 12px; }
pre { background: #f9fafb; border: 1px solid #e5e7eb; max-height: 480px; overflow: auto; }
pre.error { background: #fef2f2; border-color: #fecaca; }
.cell-runs { margin: 16px 0; padding: 4px 12px; border-left: 4px solid #e5e7eb; }
.cell-runs:target, .run:target { outline: 3px solid #2563eb; outline-offset: 2px; }
.run { margin: 8px 0; }
.run summary { cursor: pointer; padding: 2px 0; }
.attempt { margin: 8px 0 8px 16px; }
.attempt h5 { margin: 8px 0 4px; font-size: 13px; }
.steps { margin: 0; padding-left: 20px; }
.step { margin: 2px 0; }
.step-status { display: inline-block; min-width: 64px; font-size: 12px; font-weight: bold; }
.step-passed .step-status { color: #166534; }
.step-failed .step-status { color: #b91c1c; }
.step-skipped .step-status, .step-unknown .step-status { color: #6b7280; }
.step-undefined .step-status, .step-pending .step-status, .step-ambiguous .step-status { color: #9d174d; }
.attachment { margin: 4px 0 8px; }
.attachment figcaption { font-size: 12px; color: #4b5563; }
.attachment img { max-width: 100%; border: 1px solid #d1d5db; }
.why { margin: 4px 0; }
${cellRules.join('\n')}
`
