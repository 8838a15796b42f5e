// IkeConfig / IpsecConfig as returned in responses (numbers may be strings), from the key maps.
import { ikeShape, ipsecShape } from '../common/config-shapes';
import { responseSchemaOf } from '../common/key-map';

export const ikeConfigResponseSchema = responseSchemaOf(ikeShape);
export const ipsecConfigResponseSchema = responseSchemaOf(ipsecShape);
