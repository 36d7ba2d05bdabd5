// English texts of oversight and incentives.
export default {
  oversight: {
    common: { stateLabel: 'State', search: 'Search', refresh: 'Refresh', export: 'Export Excel', q: 'Name or title' },
    state: { submitted: 'Awaiting review', investigating: 'Investigating', declined: 'Declined', decided: 'Decided', notified: 'Result notified', closed: 'Closed' },
    kind: { application: 'Application', advance_filing: 'Filed in advance' },
    applicant: { self: 'By the cadre', unit: 'By the unit' },
    outcome: { tolerated: 'Tolerated', not_tolerated: 'Not tolerated' },
    distinction: {
      inexperience: 'A mistake from inexperience while trying something first',
      experiment: 'A mistake in an experiment no rule yet forbade',
      public_interest: 'An unintended fault while furthering development (no private gain)',
    },
    history: {
      submitted: 'Submitted', accepted: 'Accepted', declined: 'Declined', noted: 'Investigation note', decided: 'Collective decision',
      notified: 'Result notified', correction_added: 'Correction planned', correction_done: 'Correction done', closed: 'Closed', published: 'Published',
    },
    policyCategory: { core: 'Core document ("1")', promotion: 'Promotion', tolerance: 'Fault tolerance', care: 'Care', reward: 'Rewards', other: 'Other' },
    field: {
      person: 'Cadre', unit: 'Unit', title: 'Title', facts: 'Facts', decision_taken: 'Decision or measure taken', basis: 'Basis',
      loss: 'Loss caused or possible', remedy: 'Remedy', case_kind: 'Kind',
    },
    placeholder: {
      facts: 'When, where, why and what happened', decision_taken: 'What was decided or done', basis: 'Policies, minutes, approvals relied on',
      loss: 'The loss or the risk', remedy: 'What was or will be done to repair it',
    },
    cases: {
      intro: 'Fault tolerance follows the "three distinctions": the initial review is due by the end of the next working day (weekends skipped), then investigation, a collective decision, the result notified to the applicant, and the correction followed up.',
      tabCases: 'Cases', tabLibrary: 'Case library', overdueOnly: 'Overdue reviews only', warnings: '{reviews} reviews overdue, {corrections} corrections past due',
      applyFor: 'Apply on behalf', submittedAt: 'Submitted', reviewDue: 'Review due', overdue: 'Overdue', empty: 'No cases', total: '{n} cases',
      open: 'Handle', exported: 'Exported', loadFailed: 'Could not load: {message}',
    },
    drawer: {
      title: 'Fault-tolerance case', application: 'Application', review: 'Initial review', accept: 'Accept', decline: 'Decline', reviewNote: 'Review note',
      declineReason: 'Reason for declining', note: 'Investigation note', addNote: 'Add note', decide: 'Collective decision', outcome: 'Outcome',
      votes: 'Vote', for: 'For', against: 'Against', abstain: 'Abstain', distinctions: 'The three distinctions', reasons: 'Reasons',
      notify: 'Notify the result', resultNote: 'Note to the applicant', corrections: 'Correction plan', addCorrection: 'Add item',
      correctionContent: 'Item', dueDate: 'Due', done: 'Done', doneNote: 'How it was done', close: 'Close', publish: 'Publish as a case',
      draftHint: 'Names, unit names, ID and phone numbers were replaced; check before publishing. The server refuses text that still identifies anyone.',
      leftover: 'Still identifying: {items}', history: 'History', conflict: 'Someone else handled the case; reloaded', saved: 'Saved',
      published: 'Published to the library', votesLine: 'For {for} · against {against} · abstain {abstain}', submit: 'OK', cancel: 'Cancel',
    },
    library: { q: 'Search titles or texts', empty: 'No published cases', publishedOn: 'Published' },
    apply: { title: 'Apply on behalf of a cadre', person: 'Cadre', submit: 'Submit', submitted: 'Submitted' },
    inspections: {
      intro: 'Special inspections: a topic and scope, findings per unit (or person) with the rectification required and its deadline, followed up.',
      add: 'New inspection', topic: 'Topic', description: 'What is inspected', start: 'Start', end: 'End', scope: 'Scope',
      findings: 'Findings', open: 'Open', overdue: 'Overdue', rectified: 'Rectified', addFinding: 'Record finding', content: 'Finding',
      requirement: 'Rectification required', dueDate: 'Deadline', followUp: 'Follow up', rectifiedNow: 'Rectified', note: 'Follow-up note',
      empty: 'No inspections', person: 'Person (optional)', unit: 'Unit',
    },
    accountability: {
      intro: 'Accountability is recorded in the forms of the accountability regulations; the effect period follows from the form. A clarification shows in the cadre record only if the person agrees.',
      tabAccountability: 'Accountability', tabClarifications: 'Clarifications', add: 'Record', form: 'Form', reason: 'Reason',
      documentNo: 'Document no.', document: 'Decision', decidedOn: 'Decided', effectiveFrom: 'Effective', promotionUntil: 'No promotion until',
      evaluationYear: 'No "excellent" in', inEffect: 'In effect', notInEffect: 'Expired', noPeriod: 'No fixed period', formHint: 'no promotion for {months} months',
      addClarification: 'Record clarification', complaint: 'Complaint', finding: 'Finding', clarifiedOn: 'Clarified on', scope: 'Announced to',
      shown: 'Shown (the person agreed)', notShown: 'Not shown', q: 'Search by name', empty: 'No records', tabPeriods: 'Effect periods',
    },
    periods: {
      intro: 'Each form\'s effect period follows the regulations in force; the organisation department changes it when they are revised. A change applies to records made after it; earlier records keep their dates.',
      group: 'Group', form: 'Form', months: 'No promotion (months)', barsExcellent: 'No "excellent" that year', basis: 'Basis', updatedAt: 'Changed',
      asShipped: 'Default', edit: 'Change', title: 'Change the effect period: {form}', yes: 'Yes', no: 'No', saved: 'Saved', none: 'No fixed period',
    },
    policies: {
      intro: 'The "1+X" incentive policies: one core document and its supporting ones. Everyone reads them; oversight administrators keep them.',
      add: 'Add document', edit: 'Edit', title: 'Title', category: 'Category', issuer: 'Issued by', docNumber: 'Document no.',
      effectiveFrom: 'Effective from', effectiveTo: 'Effective to', body: 'Text', onDate: 'In force on', q: 'Search title, text, number', empty: 'No documents',
      inForce: 'In force', expired: 'Expired', attachment: 'Scan', view: 'View', file: 'File',
    },
    mine: {
      title: 'Fault tolerance', tabCases: 'My applications', tabPolicies: 'Policies', tabLibrary: 'Cases', apply: 'Apply',
      empty: 'No applications yet', noPerson: 'This account is not linked to a person', submitted: 'Submitted; reviewed within 1 working day', result: 'Outcome',
      waiting: 'The result is notified after the collective decision', reviewDue: 'Review due {date}', corrections: 'Correction plan', retry: 'Retry',
      kindHint: 'Filed in advance: before a risky decision', required: 'Required', send: 'Submit',
    },
  },
}
