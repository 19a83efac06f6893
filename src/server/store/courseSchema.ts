/** Tables of certification (migration 10). `DB` (schema.ts) extends these. */
export interface CourseTable {
  brand_id: string;
  skill: string;
  title: string;
  /** JSON external refs of the brand's KB articles. */
  articles: string;
  /** JSON `{question, options, correct}[]`: the correct options never leave the admin API. */
  items: string;
  pass_mark: number;
  /** JSON PracticeCase[] (migration 13); served to advocates with the model answers. */
  practice: string;
  updated_at: number;
}
export interface CourseAttemptTable {
  advocate_id: string;
  /** Made by the app: the same attempt sent twice is graded once. */
  attempt_id: string;
  brand_id: string;
  skill: string;
  answers_hash: string;
  score: number;
  total: number;
  pass_mark: number;
  passed: number;
  graded_at: number;
}

export interface CourseTables {
  courses: CourseTable;
  course_attempts: CourseAttemptTable;
}
