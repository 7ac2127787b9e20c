// `FC_SEED=<seed> npx vitest run <file>` replays a property run: fast-check prints the seed (and
// the path) of any failure. Spread into a property's parameters: test.prop([...], { ...FC_SEED }).
export const FC_SEED: { seed?: number } =
  process.env.FC_SEED === undefined || process.env.FC_SEED === ''
    ? {}
    : { seed: Number(process.env.FC_SEED) };
