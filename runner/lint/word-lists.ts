/**
 * The words and phrases the word rules look for in one language, as regular
 * expression sources matched case-insensitively as whole words: `ui` says how
 * through a UI (click, button, "je clique sur"), `transport` says how over the
 * wire (status code 404, response header), `httpCall` names an HTTP call
 * ("a POST request"). The `…Quoted` lists are matched on the text with its
 * quoted strings kept: I am on "/index.html", a "GET" request, the header "Accept".
 *
 * @example
 *   const lists: WordLists = {
 *     ui: [String.raw`buttons?`],
 *     uiQuoted: [],
 *     transport: [String.raw`status codes?`],
 *     transportQuoted: [],
 *     httpCall: [],
 *   }
 */
export interface WordLists {
  ui: readonly string[]
  uiQuoted: readonly string[]
  transport: readonly string[]
  transportQuoted: readonly string[]
  httpCall: readonly string[]
  /** The language joins nouns with a hyphen (German "Login-Button"): a word may start or end at one. */
  hyphenatedCompounds?: boolean
}

const verbs = 'GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS'

// What follows a status code: "201 Created", "404 Not Found", "a 500 error".
const statusPhrases = [
  String.raw`OK|Created|Accepted|No Content|Moved Permanently|Found|See Other|Not Modified`,
  String.raw`Bad Request|Unauthori[sz]ed|Forbidden|Not Found|Method Not Allowed|Conflict|Gone`,
  String.raw`Unprocessable (?:Entity|Content)|Too Many Requests`,
  String.raw`Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout`,
  String.raw`errors?|responses?`,
].join('|')

const headerNames =
  'Authorization|Content-Type|Content-Length|Accept(?:-Language|-Encoding)?|Location|Cookie|Set-Cookie|' +
  'Cache-Control|ETag|If-None-Match|If-Match|User-Agent|Referer|Origin|X-[\\w-]+'

// The same in every language: formats, protocols, "HTTP 404", "404 Not Found".
const everyLanguage: WordLists = {
  ui: [],
  // A quoted URL path where the user goes: I am on "/index.html", je suis sur "/login", ruft "/login" auf.
  uiQuoted: [
    String.raw`(?<=\b(?:on|to|visit(?:s|ed)?|open(?:s|ed)?|sur|vers|auf|besuche|besucht|ruft|en) ")\/[^"\s]*(?=")`,
  ],
  transportQuoted: [],
  transport: [
    String.raw`HTTPS? [1-5]\d\d`,
    String.raw`HTTPS?(?:\/[\d.]+)?(?!:\/\/)`,
    String.raw`JSON`,
    String.raw`XML`,
    String.raw`GraphQL`,
    String.raw`gRPC`,
    String.raw`localhost`,
    String.raw`Set-Cookie`,
    String.raw`(?:${headerNames})[- ](?:headers?|Header)`,
    String.raw`[1-5]\d\d (?:${statusPhrases})`,
  ],
  httpCall: [],
}

// "request" alone is not here: for a load balancer, "requests arrive" is the domain, not the transport.
// "header" and "URL" alone are not either: a page header is UI, a header image or a shop's URL is content.
const english: WordLists = {
  ui: [
    String.raw`(?:double-|right-)?click(?:s|ed|ing)?`,
    String.raw`buttons?`,
    String.raw`fields?`,
    // A page or link with a title is content (a CMS's pages): "a page titled "About"", "the "Ministers" page",
    // "3 pages", "no pages".
    String.raw`(?<!\b(?:\d+|no|have|has|had) |" )(?:web )?pages?(?! (?:titled|called|named|with the title)\b)`,
    String.raw`links?(?! (?:titled|called|named|with the title)\b)`,
    String.raw`check ?box(?:es)?`,
    String.raw`drop-?downs?`,
    String.raw`(?:select|combo|text|input|list) ?box(?:es)?`,
    String.raw`text ?areas?`,
    String.raw`screens?`,
    String.raw`tabs?`,
    String.raw`menus?`,
    String.raw`modals?`,
    String.raw`pop-?ups?`,
    String.raw`dialog(?:ue)?s?`,
    String.raw`scroll(?:s|ed|ing)?`,
    String.raw`hover(?:s|ed|ing)?`,
    String.raw`navigat(?:e|es|ed|ing)`,
    String.raw`browsers?`,
    String.raw`icons?`,
    String.raw`(?:fill(?:s|ed|ing)?|typ(?:e|es|ed|ing)) (?:in|into|out)`,
    String.raw`submit(?:s|ted|ting)? (?:the |a |an )?(?:[\p{L}-]+ ){0,3}?forms?`,
    String.raw`redirect(?:s|ed)? (?:to|on)`,
    // Capybara's navigation: I am on the admin dashboard, I should be on the list of users, I visit …
    // ("I go to the shipping step" is a checkout's own words, so "go to" alone is not here.)
    String.raw`(?<=\bI )(?:am|was|should be|should not be|must be) on(?= (?:the|my)\b)`,
    String.raw`(?<=\bI )visit(?:s|ed)?`,
    // press "Share", presses the Enter key
    String.raw`press(?:es|ed|ing)?(?= (?:on )?")`,
    String.raw`press(?:es|ed|ing)? (?:the )?(?:enter|return|escape|space ?bar|tab)(?: key)?`,
    // Capybara's own steps: I follow "My aspects", I select "Visa" from "Card", I check "Remember me"
    String.raw`(?<=\bI )follow(?= ")`,
    String.raw`(?<=\bI )select(?= "[^"]*" from\b)`,
    String.raw`(?<=\bI )(?:un)?check(?= "[^"]*"\s*$)`,
  ],
  uiQuoted: [],
  // The header "Content-Type", "Accept" header; not a page's or a table's header.
  transportQuoted: [
    String.raw`(?<!\b(?:page|section|table|column|row|e-?mail) )headers?(?= ")`,
    String.raw`(?<=" )headers?`,
  ],
  transport: [
    String.raw`(?:(?:HTTP|response) )?status(?: code)? [1-5]\d\d`,
    String.raw`(?:HTTP )?(?:status|response) codes?`,
    String.raw`(?:API )?end-?points?`,
    String.raw`(?:request|response|HTTP|API) headers?`,
    String.raw`(?:session|auth(?:entication)?|HTTP) cookies?`,
    String.raw`URLs? (?:path|parameters?|params?|query|segments?)`,
    String.raw`(?:visit(?:s|ed|ing)?|go(?:es)? to|going to|open(?:s|ed|ing)?|load(?:s|ed|ing)?|hit(?:s|ting)?) ` +
      String.raw`(?:the |an? )?URLs?`,
    String.raw`query (?:strings?|param(?:eter)?s?)`,
    String.raw`(?:request|response|JSON|XML|HTTP|${verbs}) (?:bod(?:y|ies)|payloads?)`,
    String.raw`REST API`,
  ],
  httpCall: [
    String.raw`(?:${verbs}) (?:requests?|calls?)`,
    String.raw`(?:HTTP|API|REST|AJAX|XHR) (?:requests?|calls?)`,
    String.raw`requests? to \/[\w/{}:.-]*`,
  ],
}

const french: WordLists = {
  ui: [
    String.raw`(?:je |tu |il |elle |on )?(?:clique|cliques|cliquent|cliquer|cliqué|cliquez|cliquons)(?: sur)?`,
    String.raw`(?:double-)?clics?`,
    String.raw`boutons?`,
    String.raw`champs?`,
    String.raw`pages?`,
    String.raw`liens?`,
    String.raw`cases? à cocher`,
    String.raw`(?:listes?|menus?) déroulante?s?`,
    String.raw`écrans?`,
    String.raw`onglets?`,
    String.raw`menus?`,
    String.raw`fenêtres? (?:modales?|contextuelles?|de dialogue)`,
    String.raw`boîtes? de dialogue`,
    String.raw`modales?`,
    String.raw`pop-?ups?`,
    String.raw`(?:fai[st]|faire) défiler`,
    String.raw`survol(?:e|es|er|é|ez|ons)`,
    String.raw`navigateurs?`,
    String.raw`icônes?`,
    String.raw`formulaires?`,
    String.raw`(?:j'|tu |il |elle |on )?appui(?:e|es|ent|yer|yez|yons)? sur`,
    String.raw`(?:je |il |elle |on )?(?:saisi[st]?|saisir|tape|tapes|taper) (?:dans|le texte)`,
    String.raw`redirigée?s? vers`,
    String.raw`(?:la |une |les )touches?`,
    String.raw`(?:je )?remplis(?= ")`,
  ],
  uiQuoted: [],
  transportQuoted: [String.raw`(?<=" )en-?têtes?|en-?têtes?(?= ")`],
  transport: [
    String.raw`codes? (?:de )?(?:statut|retour|réponse|état)(?: HTTP)?(?: [1-5]\d\d)?`,
    String.raw`codes? HTTP`,
    String.raw`statut [1-5]\d\d`,
    String.raw`en-?têtes? (?:HTTP|de (?:la )?(?:réponse|requête)|${headerNames})`,
    String.raw`corps de (?:la )?(?:requête|réponse)`,
    String.raw`points? de terminaison`,
    String.raw`endpoints?`,
    String.raw`chaînes? de requête`,
    String.raw`paramètres? (?:d'URL|de (?:la )?requête)`,
    String.raw`cookies? de session`,
  ],
  httpCall: [String.raw`requêtes? (?:HTTP|API|REST|${verbs})`, String.raw`appels? (?:API|HTTP|REST)`],
}

const german: WordLists = {
  ui: [
    String.raw`(?:ich )?(?:klicke|klickt|klicken|klickst|geklickt|anklicken|klicke an)(?: auf)?`,
    String.raw`(?:doppel)?klicks?`,
    String.raw`schaltflächen?`,
    String.raw`buttons?`,
    String.raw`knopf|knöpfe`,
    String.raw`(?:eingabe|text|such|passwort|formular)?feld(?:er)?`,
    String.raw`(?:web|start|haupt|anmelde|login|detail)?seiten?`,
    String.raw`link`,
    String.raw`kontrollkästchen|checkbox(?:en)?|ankreuzfeld(?:er)?`,
    String.raw`dropdown(?:s|-menü)?|auswahlliste(?:n)?|auswahlmenü`,
    String.raw`bildschirm(?:e|maske)?`,
    String.raw`tabs?`,
    String.raw`menüs?`,
    String.raw`dialog(?:e|fenster)?|popups?|pop-ups?|modal(?:fenster)?`,
    String.raw`scroll(?:e|t|en)|gescrollt`,
    String.raw`browser`,
    String.raw`icons?`,
    String.raw`formular(?:e)?`,
    String.raw`(?:ich )?(?:drücke|drückt|drücken)(?: auf)?`,
    String.raw`ausfüllen|ausgefüllt|fülle|füllt`,
    String.raw`weitergeleitet`,
    String.raw`navigier(?:e|t|en)`,
  ],
  uiQuoted: [],
  transportQuoted: [String.raw`(?<=" )header|header(?= ")`],
  hyphenatedCompounds: true,
  transport: [
    String.raw`(?:HTTP-)?status-?codes?(?: [1-5]\d\d)?`,
    String.raw`antwort-?codes?`,
    String.raw`(?:antwort|anfrage|request|response|HTTP)-?header`,
    String.raw`(?:API-)?endpunkte?|endpoints?`,
    String.raw`(?:anfrage|antwort|request|response)-?(?:körper|body)`,
    String.raw`query-?(?:string|parameter)|abfrageparameter|URL-parameter`,
    String.raw`session-?cookies?`,
  ],
  httpCall: [String.raw`(?:${verbs}|HTTP|API)-(?:anfrage|request|aufruf)(?:e|n|en)?`, String.raw`API-aufrufe?`],
}

const spanish: WordLists = {
  ui: [
    String.raw`(?:hago|hace|hacer|haga|hacen|hizo|hice) (?:doble )?clic(?: en| sobre)?`,
    String.raw`(?:doble )?clic`,
    String.raw`(?:pulso|pulsa|pulsar|pulse|presiono|presiona|presionar|presione)(?: en| sobre)?`,
    String.raw`botón|botones`,
    String.raw`campos?`,
    String.raw`p[áa]ginas?`,
    String.raw`enlaces?|v[íi]nculos?`,
    String.raw`casillas?(?: de verificación)?`,
    String.raw`(?:listas? |menús? )?desplegables?`,
    String.raw`pantallas?`,
    String.raw`pestañas?`,
    String.raw`men[úu]s?`,
    String.raw`ventanas?(?: emergentes?| modal(?:es)?)?`,
    String.raw`(?:cuadros?|ventanas?) de di[áa]logo|di[áa]logos?`,
    String.raw`(?:me )?desplazo|desplazarse`,
    String.raw`navegador(?:es)?`,
    String.raw`[íi]conos?`,
    String.raw`formularios?`,
    String.raw`redirigid[oa]s? a`,
  ],
  uiQuoted: [],
  transportQuoted: [String.raw`(?<=" )(?:cabeceras?|encabezados?)|(?:cabeceras?|encabezados?)(?= ")`],
  transport: [
    String.raw`c[óo]digos? de (?:estado|respuesta)(?: HTTP)?(?: [1-5]\d\d)?`,
    String.raw`(?:cabeceras?|encabezados?) (?:HTTP|de (?:la )?(?:respuesta|petición|solicitud)|${headerNames})`,
    String.raw`cuerpo de (?:la )?(?:petición|solicitud|respuesta)`,
    String.raw`puntos? (?:final(?:es)?|de acceso)|endpoints?`,
    String.raw`cadenas? de consulta`,
    String.raw`parámetros? de (?:consulta|la URL|URL)`,
    String.raw`cookies? de sesión`,
  ],
  httpCall: [String.raw`(?:peticiones|petición|solicitud(?:es)?|llamadas?) (?:HTTP|API|REST|${verbs})`],
}

const byLanguage: Readonly<Record<string, WordLists>> = { en: english, fr: french, de: german, es: spanish }

/**
 * The languages with word lists of their own, by Gherkin's `# language:` code.
 *
 * @example
 *   wordListLanguages // ['en', 'fr', 'de', 'es']
 */
export const wordListLanguages: readonly string[] = Object.keys(byLanguage)

/**
 * The word lists for a feature file's `# language:` (Gherkin's code, e.g.
 * `fr`, `de`, `es`, `en-au`: the part before a hyphen picks the list), with
 * the words that are the same in every language (JSON, XML, HTTP 404,
 * "404 Not Found", the Authorization header). A language without lists of
 * its own gets the English lists.
 *
 * @example
 *   wordListsFor('fr').ui.some((word) => word.includes('clique')) // true
 *   wordListsFor('it') === wordListsFor('en') // true
 */
export function wordListsFor(language: string): WordLists {
  const code = language.toLowerCase().split('-')[0] ?? 'en'
  const resolved = Object.hasOwn(byLanguage, code) ? code : 'en'
  let lists = merged.get(resolved)
  if (!lists) {
    const own = byLanguage[resolved] ?? english
    lists = {
      ...(own.hyphenatedCompounds ? { hyphenatedCompounds: true } : {}),
      ui: [...own.ui, ...everyLanguage.ui],
      uiQuoted: [...own.uiQuoted, ...everyLanguage.uiQuoted],
      transportQuoted: [...own.transportQuoted, ...everyLanguage.transportQuoted],
      transport: [...own.transport, ...everyLanguage.transport],
      httpCall: [...own.httpCall, ...everyLanguage.httpCall],
    }
    merged.set(resolved, lists)
  }
  return lists
}

// Computed once per language: the lists never change.
const merged = new Map<string, WordLists>()
