// Demo mode's levers (issue 17): reset the embedded emulator to the demo seed, and start a named
// failure scenario, so a sales engineer can show recovery without a terminal. Only the embedded
// emulator has them (a real cloud or a shared standalone emulator has no DemoControl).
import type { DemoScenario } from '@vpn-console/shared/api/demo';
import type { FaultRule } from '@vpn-console/vpc-emulator/faults';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { cooperativePeer, type PeerProfile } from '@vpn-console/vpc-emulator/state';

/** The parts of a running emulator the scenarios use. */
export interface EmulatorLevers {
  faults: { inject(rule: FaultRule): void; clear(): void };
  setGatewayStatus(vpnGatewayId: string, status: 'active' | 'updating', forMs?: number): void;
  setPeerProfile(customerGatewayId: string, profile: PeerProfile): void;
  reset(seed: 'demo'): void;
}

export interface DemoControl {
  /** Back to the demo seed: every change undone, scenarios and faults cleared. */
  reset(): void;
  start(scenario: DemoScenario): void;
}

/** How long a scenario lasts before the demo recovers by itself. */
export const SCENARIO_MS = 2 * 60_000;

export function createDemoControl(emulator: EmulatorLevers): DemoControl {
  return {
    reset() {
      emulator.faults.clear();
      emulator.reset('demo');
    },
    start(scenario) {
      switch (scenario) {
        case 'throttling':
          // The next 60 calls of any action answer Throttling.User with a 2 s retry-after.
          emulator.faults.inject({ action: '*', kind: 'throttle', count: 60, retryAfterMs: 2000 });
          return;
        case 'tunnel-down':
          // The cooperative peer of the site-to-site gateway changes its key: its tunnel drops
          // and phase 1 keeps failing until the demo is reset.
          emulator.setPeerProfile(DEMO_IDS.customerGateways.cooperative, {
            ...cooperativePeer,
            psk: 'changed-by-the-demo-tunnel-down-scenario',
          });
          return;
        case 'gateway-stuck-updating':
          emulator.setGatewayStatus(DEMO_IDS.gateways.connections, 'updating', SCENARIO_MS);
          return;
      }
    },
  };
}
