import { API_ROUTES } from './api-routes.js';
import { CONTROL_ROUTES } from './control-routes.js';
import type { Route } from './route.js';
import { CONTROL_PREFIX } from './router-types.js';
import type { SandboxCardTypeIds } from './state-setup.js';

// Plain text, shared by `bfinance-cards-sandbox --help`, its start banner and the README.

const COLUMN = 52;
const WIDTH = 110;

/** `  METHOD  PATH   text`, the text wrapped after its commas onto lines indented to the column. */
function row(method: string, path: string, items: readonly string[]): string {
  const lines: string[] = [];
  let line = `  ${method.padEnd(7)}${path}`.padEnd(COLUMN - 1);
  items.forEach((item, i) => {
    const piece = ` ${item}${i < items.length - 1 ? ',' : ''}`;
    if (i > 0 && line.length + piece.length > WIDTH) {
      lines.push(line);
      line = ' '.repeat(COLUMN - 1);
    }
    line += piece;
  });
  lines.push(line);
  return lines.map((l) => l.trimEnd()).join('\n');
}

/** When a route is served only with or only without the quirks, says which. */
function quirksNote(route: Route): string[] {
  if (route.when === undefined || route.when(true) === route.when(false)) return [];
  return [route.when(true) ? '(only with quirks on)' : '(only with --no-quirks)'];
}

/**
 * The API routes, one row each: method, path and the body fields with their JSON types. With
 * `quirks` given, only the routes served with that setting; without, every route, noting those
 * served under one setting only.
 */
export function apiRouteTable(quirks?: boolean): string {
  return API_ROUTES.filter((r) => quirks === undefined || (r.when?.(quirks) ?? true))
    .map((r) =>
      row(r.method, r.path, [
        ...(quirks === undefined ? quirksNote(r) : []),
        ...Object.entries(r.fields ?? {}).map(([name, type]) => `${name}: ${type}`),
      ]),
    )
    .join('\n');
}

/** The control routes, one row each: method, path under `/__sandbox` and what the route does. */
export function controlRouteTable(): string {
  return CONTROL_ROUTES.map((r) => row(r.method, `${CONTROL_PREFIX}${r.path}`, [r.summary])).join('\n');
}

/** What each seeded card program is for, in the order the tables list them. */
const PROGRAM_USES: Readonly<Record<keyof SandboxCardTypeIds, string>> = {
  standalone: 'POST /cards/issue with firstName and lastName, or a customerId',
  verified: 'POST /cards/issue with the customerId of a verified customer granted cards access',
  budget: 'POST /budget-cards/issue with a budgetId',
  inactive: 'retired: issuing with it is refused',
};

/** The seeded card programs, one row each: role, `typeId` (or `placeholder`) and use. */
export function programTable(ids: Readonly<SandboxCardTypeIds> | undefined, placeholder = ''): string {
  return Object.entries(PROGRAM_USES)
    .map(([role, use]) => {
      const id = ids?.[role as keyof SandboxCardTypeIds] || placeholder;
      return `  ${role.padEnd(11)} ${id.padEnd(25)} ${use}`;
    })
    .join('\n');
}
