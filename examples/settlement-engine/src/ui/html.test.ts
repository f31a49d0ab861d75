import { describe, expect, it } from 'vitest'
import { escapeHtml, html, Html } from './html.ts'

describe('html', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const runner = `<script>alert("x")</script> & 'co'`
    expect(html`<td title="${runner}">${runner}</td>`.markup).toBe(
      '<td title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ' +
        '&#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</td>',
    )
  })

  it('keeps Html as it is, joins lists, and renders nothing for false, null and undefined', () => {
    const items = ['a<b', 'c'].map((item) => html`<li>${item}</li>`)
    expect(html`<ul>${items}</ul>${false}${null}${undefined}${0}`.markup).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0')
  })

  it('does not escape twice what is already Html', () => {
    const inner = html`<b>${'<i>'}</b>`
    expect(html`<p>${inner}</p>`).toEqual(new Html('<p><b>&lt;i&gt;</b></p>'))
    expect(String(inner)).toBe('<b>&lt;i&gt;</b>')
  })
})

describe('escapeHtml', () => {
  it('replaces the five characters that can end text or an attribute', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;')
    expect(escapeHtml('Red Rum')).toBe('Red Rum')
  })
})
