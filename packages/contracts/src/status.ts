import { Type, type Static } from '@sinclair/typebox';

// The service's own state, for monitoring.

export const Health = Type.Object({
  status: Type.Literal('ok'),
  store: Type.Union([Type.Literal('embedded'), Type.Literal('postgres')]),
  apiVersion: Type.String(),
  time: Type.String({ format: 'date-time' }),
});
export type Health = Static<typeof Health>;
