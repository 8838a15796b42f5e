// Starts one built stack (SPA + BFF + in-process emulator) for the whole run and stops it after.
import { E2E_ENV_KEYS } from './fixtures/env';
import { startStack } from './fixtures/stack';

// eslint-disable-next-line import-x/no-default-export -- Playwright loads globalSetup from the default export
export default async function globalSetup(): Promise<() => Promise<void>> {
  const stack = await startStack();
  // Workers inherit the environment of the runner process.
  process.env[E2E_ENV_KEYS.baseURL] = stack.baseURL;
  process.env[E2E_ENV_KEYS.dataDir] = stack.dataDir;
  console.log(`e2e: console at ${stack.baseURL}, store in ${stack.dataDir}`);
  return async () => {
    await stack.dispose();
  };
}
