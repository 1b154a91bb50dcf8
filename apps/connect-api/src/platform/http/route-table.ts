/** Registered route templates, used to tell 405 (known path, other method) from 404 (docs/contract/README.md#endpoints-at-a-glance). */
export class RouteTable {
  private readonly routes: Array<{ method: string; pattern: RegExp }> = [];

  add(methods: string | string[], url: string): void {
    const source = url
      .split('/')
      .map((part) =>
        part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/');
    const pattern = new RegExp(`^${source}$`);
    for (const method of Array.isArray(methods) ? methods : [methods])
      this.routes.push({ method: method.toUpperCase(), pattern });
  }

  /** Methods registered for this concrete path (empty when the path is unknown). */
  allowedMethods(path: string): string[] {
    const clean = path.split('?')[0];
    return [...new Set(this.routes.filter((r) => r.pattern.test(clean)).map((r) => r.method))].sort();
  }
}
