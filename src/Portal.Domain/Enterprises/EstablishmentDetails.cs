namespace Portal.Domain.Enterprises;

/// <summary>The licence fields an establishment application carries.</summary>
public sealed record EstablishmentDetails(
    string Name,
    EnterpriseType Type,
    decimal RegisteredCapital,
    string Address,
    string BusinessScope,
    string LegalRepresentative,
    string LegalRepresentativeIdNumber,
    SealDelivery SealDelivery,
    string? SealMailAddress);
