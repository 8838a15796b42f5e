// The customer gateways route, a second lazy step: the SPA's entry only names this small module,
// so the page's own chunks (tables, dialogs, its words) are listed here, not in the entry that
// every first screen loads (the 170 kB budget).
import { lazy, Suspense } from 'react';

const Page = lazy(() =>
  import('./components/customer-gateways-page').then((m) => ({ default: m.CustomerGatewaysPage })),
);

export function CustomerGatewaysRoute() {
  return (
    <Suspense fallback={null}>
      <Page />
    </Suspense>
  );
}
