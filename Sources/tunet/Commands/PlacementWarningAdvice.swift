import TunetDomain

extension PlacementWarning {
    /// The warning with what to do about it on the command line: the rules say what is missing, the
    /// command line which commands load it.
    var withCommandLineAdvice: Message {
        switch code {
        case .schoolCalendarMissing:
            Message.sentences([message, Message("placement.school_calendar.how_to_load", ["number": .text(municipalityNumber)])]) ?? message
        }
    }
}
