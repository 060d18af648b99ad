/// A code that a person reads as a word: `pupils` is "elever" in bokmål and "pupils" in English. The
/// code stays the code in `--json`, files and the API; the label is what a table, a workbook cell or a
/// sentence shows. Every code of every labelled type has its label in both catalogues (a test says so).
public protocol Labelled: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    /// The part of the catalogue key that names the kind of code: `target_group`.
    static var labelKind: String { get }
}

extension Labelled {
    /// `label.target_group.pupils`.
    public var label: Message { Message("label.\(Self.labelKind).\(rawValue)") }
    public var labelValue: MessageValue { .message(label) }
}

extension TargetGroup: Labelled { public static let labelKind = "target_group" }
extension PlacementKind: Labelled { public static let labelKind = "placement_kind" }
extension PlacementStatus: Labelled { public static let labelKind = "placement_status" }
extension ProviderStatus: Labelled { public static let labelKind = "provider_status" }
extension MeasureSetting: Labelled { public static let labelKind = "measure_setting" }
extension ApprovalState: Labelled { public static let labelKind = "approval_state" }
extension InsuranceState: Labelled { public static let labelKind = "insurance_state" }
extension PoliceCertificateState: Labelled { public static let labelKind = "police_certificate_state" }
extension AgreementStatus: Labelled { public static let labelKind = "agreement_status" }
extension CallOffMethod: Labelled { public static let labelKind = "call_off_method" }
extension AbsenceBillingRule: Labelled { public static let labelKind = "absence_rule" }
extension TransportBilling: Labelled { public static let labelKind = "transport_billing" }
extension AttendanceStatus: Labelled { public static let labelKind = "attendance_status" }
extension PriceUnit: Labelled { public static let labelKind = "price_unit" }
extension ProcurementState: Labelled { public static let labelKind = "procurement_state" }
extension ServiceCategory: Labelled { public static let labelKind = "service_category" }
extension ProcurementRegime: Labelled { public static let labelKind = "regime" }
extension NoticeRequirement: Labelled { public static let labelKind = "notice" }
extension Sector: Labelled { public static let labelKind = "sector" }
extension TaskStatus: Labelled { public static let labelKind = "task_status" }
extension TaskKind: Labelled { public static let labelKind = "task_kind" }
extension TaskOwnerRoute: Labelled { public static let labelKind = "task_owner_route" }
extension TokenRole: Labelled { public static let labelKind = "token_role" }
extension ActorRole: Labelled { public static let labelKind = "actor_role" }
extension MeasureUnit: Labelled { public static let labelKind = "measure_unit" }
extension TaskLink.Kind: Labelled { public static let labelKind = "link_kind" }
extension PublicHoliday: Labelled { public static let labelKind = "public_holiday" }
