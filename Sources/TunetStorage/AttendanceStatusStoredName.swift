import TunetDomain

extension AttendanceStatus {
    /// The status as both stores write it, without making a string for each day.
    public var storedName: StaticString {
        let name: StaticString = switch self {
        case .present: "present"
        case .absentWithNotice: "absent_with_notice"
        case .absentWithoutNotice: "absent_without_notice"
        case .cancelledByProvider: "cancelled_by_provider"
        }
        assert(name.description == rawValue, "the stored name of \(self) is its raw value")
        return name
    }
}
