using DubAgent.Engines.Synthesis.Speakable;

namespace DubAgent.Engines.Tests.Synthesis.Speakable;

/// <summary>What a voice reads: numbers as words and abbreviations spelled out in the target language, no stray marks.</summary>
public sealed class SpeechNormalizerTests
{
    [Theory]
    [InlineData("en", "I have 21 cats and 1,000 dogs.", "I have twenty-one cats and one thousand dogs.")]
    [InlineData("es", "Tengo 3 gatos y 1.234 perros.", "Tengo tres gatos y mil doscientos treinta y cuatro perros.")]
    [InlineData("es", "Mide 3,5 metros", "Mide tres coma cinco metros")]
    [InlineData("fr", "Il a 21 ans", "Il a vingt et un ans")]
    [InlineData("it", "Sono 3 ore", "Sono tre ore")]
    [InlineData("pt", "São 3 horas", "São três horas")]
    [InlineData("en", "It is 3.5 m", "It is three point five meters")]
    public void Numbers_are_words_of_the_target_language(string language, string text, string expected) =>
        Assert.Equal(expected, SpeechNormalizer.Normalize(text, language));

    [Theory]
    [InlineData("es", "Llegó 1 persona con 21 años.", "Llegó una persona con veintiún años.")]
    [InlineData("es", "Hay 200 personas y 500 libros.", "Hay doscientas personas y quinientos libros.")]
    [InlineData("es", "Son las 21 horas, 1 vez al día.", "Son las veintiuna horas, una vez al día.")]
    [InlineData("es", "Cuesta 1 dólar y 31 euros.", "Cuesta un dólar y treinta y un euros.")]
    [InlineData("es", "Entre el 1 y el 2, el 1 de mayo.", "Entre el uno y el dos, el uno de mayo.")]
    [InlineData("es", "Los 21 llegaron tarde.", "Los veintiuno llegaron tarde.")]
    [InlineData("es", "Hay 1.200 canciones.", "Hay mil doscientas canciones.")]
    [InlineData("pt", "Há 1 pessoa e 2 cidades.", "Há uma pessoa e duas cidades.")]
    [InlineData("fr", "Il reste 1 heure et 21 minutes.", "Il reste une heure et vingt et une minutes.")]
    [InlineData("it", "Ho 1 libro, 1 zaino e 1 casa.", "Ho un libro, uno zaino e una casa.")]
    [InlineData("de", "Ich habe 1 Frau und 1 Hund.", "Ich habe eine Frau und ein Hund.")]
    [InlineData("ca", "Hi ha 2 cases i 1 home.", "Hi ha dues cases i un home.")]
    public void A_number_agrees_with_the_noun_it_counts(string language, string text, string expected) =>
        Assert.Equal(expected, SpeechNormalizer.Normalize(text, language));

    [Theory]
    [InlineData("es", "Son las 3:30 y cuesta $5.", "Son las tres y media y cuesta cinco dólares.")]
    [InlineData("es", "A la 1:15, a las 10:00 y a las 21:45.", "A la una y cuarto, a las diez en punto y a las veintiuna y cuarenta y cinco.")]
    [InlineData("es", "Vale 1 € o 2 £; pesa 1,5 kg y va a 20 km/h.", "Vale un euro o dos libras; pesa uno coma cinco kilos y va a veinte kilómetros por hora.")]
    [InlineData("es", "El 1º puesto, llegó 1º, la 2ª vez.", "El primer puesto, llegó primero, la segunda vez.")]
    [InlineData("fr", "Il est 3h30, ça coûte 5 €, le 1er et la 2e.", "Il est trois heures trente, ça coûte cinq euros, le premier et la deuxième.")]
    [InlineData("en", "It's 3:05, $1 and 20 km, the 2nd.", "It's three oh five, one dollar and twenty kilometers, the second.")]
    [InlineData("de", "Um 3:30 kostet es 5 €.", "Um drei Uhr dreißig kostet es fünf Euro.")]
    [InlineData("pt", "Custa 5 € e são 2:00.", "Custa cinco euros e são duas em ponto.")]
    public void Amounts_measures_times_and_ordinals_are_said_as_people_say_them(string language, string text, string expected) =>
        Assert.Equal(expected, SpeechNormalizer.Normalize(text, language));

    [Theory]
    [InlineData("es", "El Sr. García y la Dra. Pérez, etc.", "El señor García y la doctora Pérez, etcétera")]
    [InlineData("en", "Dr. Smith & Mr. Jones", "Doctor Smith and Mister Jones")]
    [InlineData("fr", "M. Dupont a 50%", "monsieur Dupont a cinquante pour cent")]
    [InlineData("it", "La Sig.ra Rossi", "La signora Rossi")]
    public void Abbreviations_and_symbols_are_spelled_out(string language, string text, string expected) =>
        Assert.Equal(expected, SpeechNormalizer.Normalize(text, language));

    [Fact]
    public void Marks_and_markup_never_reach_the_voice()
    {
        Assert.Equal("Lo cogió bien, flibbertigibbet.", SpeechNormalizer.Normalize("Lo *cogió bien, #*flibbertigibbet .", "es"));
        Assert.Equal("yes or no", SpeechNormalizer.Normalize("**yes** or [no]", "en"));
        Assert.Equal("rock roll", SpeechNormalizer.Normalize("rock/roll", "en"));
        Assert.Equal("Hola mundo", SpeechNormalizer.Normalize("  Hola   _mundo_ ", "es"));
    }

    [Fact]
    public void Codes_ids_and_words_with_digits_stay_as_written()
    {
        Assert.Equal("mp3 y 4K", SpeechNormalizer.Normalize("mp3 y 4K", "es"));
        Assert.Equal("1234567890123456789", SpeechNormalizer.Normalize("1234567890123456789", "en"));
    }

    [Fact]
    public void A_language_without_a_number_converter_keeps_its_digits()
    {
        Assert.False(NumberWords.Spells("gl")); // Humanizer would answer in English
        Assert.Equal("Teño 21 anos", SpeechNormalizer.Normalize("Teño 21 anos", "gl"));
        Assert.True(NumberWords.Spells("es"));
    }
}
