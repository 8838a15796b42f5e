// pino JSON logs. Secrets never reach a log line: these paths are censored wherever they appear.
import { pino, type Logger } from 'pino';

export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'accessKeySecret',
  'accessKeyId',
  'securityToken',
  'psk',
  'password',
  'authKey',
  '*.accessKeySecret',
  '*.AccessKeySecret',
  '*.accessKeyId',
  '*.AccessKeyId',
  '*.securityToken',
  '*.SecurityToken',
  '*.psk',
  '*.Psk',
  '*.password',
  '*.authKey',
  '*.AuthKey',
  '*.ikeConfig.psk',
  '*.IkeConfig',
  'body',
  '*.body',
];

export const createLogger = (level: string): Logger =>
  pino({
    level,
    base: { service: 'bff' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });

export type { Logger };
