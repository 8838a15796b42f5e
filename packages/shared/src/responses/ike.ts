// IkeConfig / IpsecConfig as returned in responses (numbers may be strings).
import { z } from 'zod';
import { intLike } from './common';

export const ikeConfigResponseSchema = z.looseObject({
  IkeVersion: z.string().optional(),
  IkeMode: z.string().optional(),
  IkeEncAlg: z.string().optional(),
  IkeAuthAlg: z.string().optional(),
  IkePfs: z.string().optional(),
  IkeLifetime: intLike.optional(),
  LocalId: z.string().optional(),
  RemoteId: z.string().optional(),
  Psk: z.string().optional(),
});

export const ipsecConfigResponseSchema = z.looseObject({
  IpsecEncAlg: z.string().optional(),
  IpsecAuthAlg: z.string().optional(),
  IpsecPfs: z.string().optional(),
  IpsecLifetime: intLike.optional(),
});
