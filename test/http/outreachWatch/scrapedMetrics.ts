/** One sample of the Prometheus text format: its name, labels and value. */
export type Sample = {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
};

/** The samples of a `GET /metrics` answer (label values hold no quotes or braces here). */
export const scrapedMetrics = async (url: string): Promise<Sample[]> => {
  const response = await fetch(`${url}/metrics`);
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`);
  return (await response.text())
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [, name, labels, value] = /^(\w+)(?:\{([^}]*)\})? (\S+)$/.exec(line) ?? [];
      return {
        name: name ?? line,
        labels: Object.fromEntries(
          [...(labels ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(([, key, text]) => [key, text]),
        ),
        value: Number(value),
      };
    });
};

/** The value of the one sample of `name` whose labels include `labels`; 0 when there is none, as Prometheus reads an absent counter. */
export const valueOf = (samples: readonly Sample[], name: string, labels: Record<string, string>): number => {
  const found = samples.filter(
    (sample) => sample.name === name && Object.entries(labels).every(([key, text]) => sample.labels[key] === text),
  );
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
  return found[0]?.value ?? 0;
};
