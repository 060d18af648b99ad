import TunetDomain

public protocol ProviderReading {
    func provider(_ number: OrganisationNumber) throws -> Provider?
    func allProviders() throws -> [Provider]
    func providerCount() throws -> Int
}

public protocol ProviderWriting {
    func insert(_ provider: Provider, note: RecordedText?) throws
    func update(_ provider: Provider, action: String, note: RecordedText?) throws
}

extension ProviderWriting {
    public func insert(_ provider: Provider) throws { try insert(provider, note: nil) }
    public func update(_ provider: Provider, action: String = "update") throws { try update(provider, action: action, note: nil) }
}
