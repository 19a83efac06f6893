/** KB feedback of issue 20 (migration 10): each advocate's latest vote per article. */
export interface KbFeedbackTable {
  article_id: string;
  advocate_id: string;
  brand_id: string;
  vote: 'helpful' | 'outdated';
  voted_at: number;
  received_at: number;
}

export interface KbFeedbackTables {
  kb_feedback: KbFeedbackTable;
}
