// Demo mode's levers (issue 17): each scenario pulls the emulator lever it names, reset clears
// faults and reseeds.
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { describe, expect, it } from 'vitest';
import { createDemoControl, SCENARIO_MS, type EmulatorLevers } from './demo-control';

const levers = () => {
  const log: string[] = [];
  const emulator: EmulatorLevers = {
    faults: {
      inject: (rule) => log.push(`fault ${rule.action} ${rule.kind} ×${String(rule.count)}`),
      clear: () => log.push('faults cleared'),
    },
    setGatewayStatus: (id, status, forMs) => log.push(`${id} ${status} ${String(forMs)}`),
    setPeerProfile: (id, profile) => log.push(`${id} psk=${profile.psk ?? 'any'}`),
    reset: (seed) => log.push(`reset ${seed}`),
  };
  return { log, control: createDemoControl(emulator) };
};

describe('demo control', () => {
  it('starts throttling, a tunnel going down and a gateway stuck updating', () => {
    const { log, control } = levers();
    control.start('throttling');
    control.start('tunnel-down');
    control.start('gateway-stuck-updating');
    expect(log).toEqual([
      'fault * throttle ×60',
      `${DEMO_IDS.customerGateways.cooperative} psk=changed-by-the-demo-tunnel-down-scenario`,
      `${DEMO_IDS.gateways.connections} updating ${String(SCENARIO_MS)}`,
    ]);
  });

  it('resets to the demo seed with no fault left', () => {
    const { log, control } = levers();
    control.reset();
    expect(log).toEqual(['faults cleared', 'reset demo']);
  });
});
