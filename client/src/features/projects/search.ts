// The projects list's URL state (`/projects?country=PHL`), parsed in one place so a shared link
// reproduces the same view and a hand-edited URL cannot put garbage into a request.

export interface ProjectsSearch {
  country?: string;
}

const UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function parseProjectsSearch(search: Record<string, unknown>): ProjectsSearch {
  const { country } = search;
  return typeof country === 'string' && UNIT_CODE.test(country) ? { country } : {};
}
