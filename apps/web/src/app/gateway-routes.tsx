import { Navigate, useParams } from 'react-router';
import {
  AllGatewaysPage,
  GatewayListPage,
} from '../features/gateways/components/gateway-list-page';

export function GatewayListRoute() {
  const { regionId } = useParams();
  if (regionId === undefined) return <Navigate to="/" replace />;
  return <GatewayListPage regionId={regionId} />;
}

export function AllGatewaysRoute() {
  return <AllGatewaysPage />;
}
