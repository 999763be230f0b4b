/** Ids shared by package.json and the code: keep them in one place. */
export const VIEW_CONTAINER_ID = 'getsales';
export const JOBS_VIEW_ID = 'getsales.jobs';
