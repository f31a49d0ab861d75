// Loads TypeScript support code in cucumber-js and its worker processes.
// cucumber-js 12 needs a register file listed first in `import`; `loader: ['tsx']` fails with tsx 4.23.
import { register } from 'tsx/esm/api'

register()
