// Route table (declarative mode, the smallest router build): region and gateway live in the URL, so deep links survive a reload. Every page but
// the login page and the shell loads lazily (wizards and heavy pages are separate chunks).
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireSession, RootRedirect } from './session-routes';

const AppLayout = lazy(() => import('./layout').then((m) => ({ default: m.AppLayout })));
const LoginRoute = lazy(() => import('./login-route').then((m) => ({ default: m.LoginRoute })));

const GatewayListRoute = lazy(() =>
  import('./gateway-routes').then((m) => ({ default: m.GatewayListRoute })),
);
const AllGatewaysRoute = lazy(() =>
  import('./gateway-routes').then((m) => ({ default: m.AllGatewaysRoute })),
);
const GatewayRoute = lazy(() =>
  import('./gateway-page').then((m) => ({ default: m.GatewayRoute })),
);
const ConnectionRoute = lazy(() =>
  import('./gateway-page').then((m) => ({ default: m.ConnectionRoute })),
);
const IpsecServerWizardRoute = lazy(() =>
  import('./wizard-routes').then((m) => ({ default: m.IpsecServerWizardRoute })),
);
const VpnConnectionWizardRoute = lazy(() =>
  import('./wizard-routes').then((m) => ({ default: m.VpnConnectionWizardRoute })),
);
const SslVpnServerWizardRoute = lazy(() =>
  import('./wizard-routes').then((m) => ({ default: m.SslVpnServerWizardRoute })),
);
const AuditRoute = lazy(() =>
  import('../features/audit/components/audit-page').then((m) => ({ default: m.AuditPage })),
);
const HealthRoute = lazy(() =>
  import('../features/history/components/health-page').then((m) => ({ default: m.HealthPage })),
);
const CustomerGatewaysRoute = lazy(() =>
  import('../features/customer-gateways/route').then((m) => ({
    default: m.CustomerGatewaysRoute,
  })),
);
const NotFound = lazy(() => import('./gateway-routes').then((m) => ({ default: m.NotFound })));
const AccountsRoute = lazy(() =>
  import('../features/accounts/components/accounts-page').then((m) => ({
    default: m.AccountsPage,
  })),
);

const G = 'regions/:regionId/gateways/:gatewayId';

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Suspense fallback={null}>
            <LoginRoute />
          </Suspense>
        }
      />
      <Route
        path="/"
        element={
          <RequireSession>
            <Suspense fallback={null}>
              <AppLayout />
            </Suspense>
          </RequireSession>
        }
      >
        <Route index element={<RootRedirect />} />
        <Route path="gateways" element={<AllGatewaysRoute />} />
        {/* A region's address without its page (a URL cut short) opens its gateways. */}
        <Route path="regions/:regionId" element={<Navigate to="gateways" replace />} />
        <Route path="regions/:regionId/gateways" element={<GatewayListRoute />} />
        <Route path={G} element={<GatewayRoute />} />
        <Route path={`${G}/ipsec-server/new`} element={<IpsecServerWizardRoute />} />
        <Route path={`${G}/ipsec-server/:resourceId/edit`} element={<IpsecServerWizardRoute />} />
        <Route path={`${G}/connections/new`} element={<VpnConnectionWizardRoute />} />
        <Route path={`${G}/connections/:resourceId/edit`} element={<VpnConnectionWizardRoute />} />
        <Route path={`${G}/connections/:connectionId`} element={<ConnectionRoute />} />
        <Route path={`${G}/ssl-vpn-servers/new`} element={<SslVpnServerWizardRoute />} />
        <Route
          path={`${G}/ssl-vpn-servers/:resourceId/edit`}
          element={<SslVpnServerWizardRoute />}
        />
        <Route path="customer-gateways" element={<CustomerGatewaysRoute />} />
        <Route path="regions/:regionId/customer-gateways" element={<CustomerGatewaysRoute />} />
        <Route path="audit" element={<AuditRoute />} />
        <Route path="health" element={<HealthRoute />} />
        <Route path="accounts" element={<AccountsRoute />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
