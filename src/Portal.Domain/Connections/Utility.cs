namespace Portal.Domain.Connections;

/// <summary>The five utilities of 水电气热信联合报装 (000:109).</summary>
public enum Utility
{
    Power,
    Water,
    Gas,
    Heat,
    Telecom,
}
