/** The columns export writes: the contract's in order (PRODUCT.md), then those that follow them. */
export const COLUMNS = [
  'id', 'logged_at', 'occurred_at', 'status', 'channel', 'customer', 'contact', 'about', 'description', 'wants',
  'suggestion', 'category', 'cause', 'severity', 'assignee', 'respond_by', 'resolved_at', 'remedy', 'cost',
  'root_cause', 'action', 'followed_up_at', 'satisfaction', 'staff', 'reject_reason', 'remedies', 'uid', 'till', 'branch', 'nature', 'answer', 'proposed_remedy', 'proposed_cost', 'missed_respond_by', 'action_at', 'earlier_satisfaction',
];
