// The decision word against the amounts of each row (docs/audit.md: DECISION_AMOUNT_MISMATCH,
// GRANT_EXCEEDS_REQUEST).
#include "auditor.hpp"

namespace anslag::audit_detail {

// The decision word against the amounts: the printed ones, and those a stated total fixes
// (an amount the decision word itself fixes agrees with it by definition). A row is every
// finding it is: a partial grant above its whole request is also a grant above the request.
void auditor::check_amounts_and_decisions(const fund& f) {
  for (const std::size_t i : rows_of(f.id)) {
    const application& a = round_.applications[i];
    const auto requested = amounts_.requested(a);
    const auto granted = amounts_.granted(a);
    if (granted && requested && granted->value > requested->value) {
      finding x = found(finding_code::grant_exceeds_request, severity::error, f.id, {a.id});
      x.expected = figure::of(requested->value);
      x.actual = figure::of(granted->value);
      x.source = a.source;
      x.quote = a.project;
      x.message_sv = a.id + ": beviljat " + shown_sv(*granted) + " är mer än ansökt " + shown_sv(*requested) + ".";
      x.message_en = a.id + ": granted " + shown_en(*granted) + " is more than requested " + shown_en(*requested) + ".";
      note_basis(x, *granted);
      note_basis(x, *requested);
      readings_used read;
      read.add(a, {"requested", "granted", "decision"});
      read.into(x);
      findings_.push_back(std::move(x));
    }
    if (!granted) continue;
    const Krona zero;
    const Krona grant = granted->value;
    std::string why_sv, why_en;
    std::optional<figure> expected;
    switch (a.outcome) {
      case decision::rejected:
        if (grant != zero) {
          why_sv = "avslag men beviljat " + shown_sv(*granted);
          why_en = "rejected but granted " + shown_en(*granted);
          expected = figure::of(zero);
        }
        break;
      case decision::granted:
        if (grant == zero) {
          why_sv = "beviljas men beviljat belopp är 0 kr" + basis_note(*granted).first;
          why_en = "granted but the amount granted is 0 kr" + basis_note(*granted).second;
        } else if (requested && grant != requested->value) {
          why_sv = "beviljas i sin helhet men beviljat " + shown_sv(*granted) + " av ansökt " + shown_sv(*requested);
          why_en = "granted in full but granted " + shown_en(*granted) + " of " + shown_en(*requested) + " requested";
          expected = figure::of(requested->value);
        }
        break;
      case decision::partly_granted:
        if (grant == zero) {
          why_sv = "beviljas delvis men beviljat belopp är 0 kr" + basis_note(*granted).first;
          why_en = "partly granted but the amount granted is 0 kr" + basis_note(*granted).second;
        } else if (requested && grant == requested->value) {
          why_sv = "beviljas delvis men hela det ansökta beloppet " + shown_sv(*requested) + " beviljas";
          why_en = "partly granted but the whole amount requested, " + shown_en(*requested) + ", is granted";
        } else if (requested && grant > requested->value) {
          why_sv = "beviljas delvis men beviljat " + shown_sv(*granted) + " är mer än hela det ansökta beloppet " +
                   shown_sv(*requested);
          why_en = "partly granted but granted " + shown_en(*granted) + ", more than the whole amount requested, " +
                   shown_en(*requested);
        }
        break;
    }
    if (why_en.empty()) continue;
    finding x = found(finding_code::decision_amount_mismatch, severity::error, f.id, {a.id});
    x.expected = expected;
    x.actual = figure::of(grant);
    x.source = a.source;
    x.quote = a.reason;
    x.message_sv = a.id + ": " + why_sv + ".";
    x.message_en = a.id + ": " + why_en + ".";
    note_basis(x, *granted);
    if (requested) note_basis(x, *requested);
    readings_used read;
    read.add(a, {"requested", "granted", "decision"});
    read.into(x);
    findings_.push_back(std::move(x));
  }
}

}  // namespace anslag::audit_detail
