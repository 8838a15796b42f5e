// The failure codes the console knows for DiagnoseVpnConnections (issue 15): which parameter each
// concerns, in the order a negotiation meets them. The emulator diagnoses with these, the web words
// them (an unknown code falls back to the cloud's own sentence). `Phase1NegotiationTimeout` is the
// SDK's documented example; the mismatch codes are the console's model of the rest.
export const diagnosisCodes = [
  'Phase1NegotiationTimeout',
  'IkeVersionMismatch',
  'IkeModeMismatch',
  'IkeEncAlgMismatch',
  'IkeAuthAlgMismatch',
  'IkePfsMismatch',
  'PskMismatch',
  'Phase2NegotiationTimeout',
  'IpsecEncAlgMismatch',
  'IpsecAuthAlgMismatch',
  'IpsecPfsMismatch',
] as const;
export type DiagnosisCode = (typeof diagnosisCodes)[number];

export function isDiagnosisCode(code: string): code is DiagnosisCode {
  return (diagnosisCodes as readonly string[]).includes(code);
}
