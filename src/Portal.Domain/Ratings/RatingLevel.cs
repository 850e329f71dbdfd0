namespace Portal.Domain.Ratings;

/// <summary>The five levels of the national standard (国办发〔2019〕51号); the last two are 差评.</summary>
public enum RatingLevel
{
    VeryDissatisfied = 1,
    Dissatisfied = 2,
    Basic = 3,
    Satisfied = 4,
    VerySatisfied = 5,
}
