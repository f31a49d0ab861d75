import { Html, html } from './html.ts'

/** Which view a page belongs to; the nav marks it as the current one. */
export type Section = 'punter' | 'trader'

/**
 * One page's frame: its title (also the h1) and content.
 *
 * @example
 *   renderPage({ title: 'My bets', section: 'punter', content: html`<p>…</p>` })
 */
export interface PageParts {
  title: string
  section: Section
  content: Html
}

// A constant, so it may go in unescaped.
const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fafafa; }
header { background: #0b3d2e; color: #fff; padding: .5rem 1.5rem; display: flex; gap: 2rem; align-items: center; }
header p { margin: 0; font-weight: 600; }
nav ul { list-style: none; display: flex; gap: 1rem; margin: 0; padding: 0; }
nav a { color: #fff; }
nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
main { max-width: 68rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
section { margin-block: 2rem; }
form {
  background: #fff; border: 1px solid #ccc; border-radius: 6px;
  padding: 1rem; margin-block: 1rem; max-width: 40rem;
}
.field { margin-block: .75rem; display: flex; flex-direction: column; gap: .2rem; }
.field.check { flex-direction: row; align-items: center; gap: .5rem; }
input, select, textarea, button { font: inherit; }
input[type=text], select, textarea {
  padding: .3rem .4rem; border: 1px solid #777; border-radius: 4px; max-width: 30rem;
}
[aria-invalid="true"] { border: 2px solid #b00020; }
.hint { color: #555; font-size: .9rem; }
.error { color: #b00020; font-weight: 600; }
fieldset { margin-block: .75rem; border: 1px solid #aaa; border-radius: 4px; }
button {
  margin-top: .5rem; background: #0b3d2e; color: #fff; border: 0;
  border-radius: 4px; padding: .45rem 1rem; cursor: pointer;
}
button.danger { background: #b00020; }
.alert { border: 2px solid #b00020; background: #fff0f0; padding: .5rem 1rem; border-radius: 6px; }
.status { border: 2px solid #0b6e4f; background: #effaf5; padding: .5rem 1rem; border-radius: 6px; }
table { border-collapse: collapse; width: 100%; background: #fff; margin-block: 1rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dd { margin: 0; }
caption { text-align: left; font-weight: 600; padding-block: .3rem; }
th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
td.money, th.money { text-align: right; font-variant-numeric: tabular-nums; }
details { padding: .2rem 0; }
details table { margin-block: .5rem; }
ul.legs { margin: 0; padding-left: 1.1rem; }
`

/**
 * The whole document around a page's content: `lang`, `<title>`, the nav
 * between the punter and trader views, and the `<main>` landmark with the h1.
 *
 * @example
 *   const page = renderPage({ title: 'Trader', section: 'trader', content: html`<h1>Trader</h1>` })
 *   String(page).startsWith('<!doctype html>') // true
 */
export function renderPage({ title, section, content }: PageParts): Html {
  const current = (which: Section) => (which === section ? html` aria-current="page"` : '')
  return html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Settlement engine</title>
<style>${new Html(STYLE)}</style>
</head>
<body>
<header>
<p>Settlement engine</p>
<nav aria-label="Views">
<ul>
<li><a href="/"${current('punter')}>Punter</a></li>
<li><a href="/trader"${current('trader')}>Trader</a></li>
</ul>
</nav>
</header>
<main>
<h1>${title}</h1>
${content}
</main>
</body>
</html>
`
}
