import { Navigate, useParams } from 'react-router';
import { GatewayPage } from '../features/gateways/components/gateway-page';

export function GatewayRoute() {
  const { regionId, gatewayId } = useParams();
  if (regionId === undefined || gatewayId === undefined) return <Navigate to="/" replace />;
  return <GatewayPage regionId={regionId} gatewayId={gatewayId} />;
}
