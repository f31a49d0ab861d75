import { installParlance } from '../../dsl/core/cucumber/install-parlance.ts'

installParlance()
