export function IpsecServerWizardRoute() {
  return null;
}
export function VpnConnectionWizardRoute() {
  return null;
}
export function SslVpnServerWizardRoute() {
  return null;
}
