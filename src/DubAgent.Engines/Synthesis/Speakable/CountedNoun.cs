using Humanizer;

namespace DubAgent.Engines.Synthesis.Speakable;

/// <summary>
/// The word a number counts, when it is a noun, and that noun's likely grammatical gender: "1 persona" is "una
/// persona", "200 personas" "doscientas personas", "21 años" "veintiún años". Gender comes from endings and a short list
/// of common exceptions per language (no dictionary ships here), so a rare noun may take the other form; a word that is
/// not a noun (a conjunction, a preposition: "1 y 2", "1 de mayo") leaves the number in its counting form.
/// </summary>
public static class CountedNoun
{
    private sealed record Rules(string[] FeminineEndings, HashSet<string> Feminine, HashSet<string> Masculine, HashSet<string> NotNouns,
        string[]? VerbEndings = null);

    private static HashSet<string> Words(string list) => new(list.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, Rules> Languages = new(StringComparer.Ordinal)
    {
        ["es"] = new(["a", "as", "ción", "ciones", "sión", "siones", "dad", "dades", "tad", "tades", "tud", "tudes", "umbre", "umbres", "ie", "ies"],
            Words("vez veces mujer mujeres noche noches gente parte partes calle calles clase clases llave llaves mente nube nubes flor flores ley leyes " +
                "piel imagen imágenes razón razones tarde tardes muerte muertes suerte sangre fuente fuentes carne leche nieve torre torres base bases " +
                "fase fases frase frases red redes pared paredes cárcel miel sal señal señales luz luces voz voces paz nariz raíz actriz madre madres"),
            Words("día días mapa mapas problema problemas tema temas sistema sistemas programa programas idioma idiomas clima planeta planetas " +
                "drama dramas poema poemas esquema esquemas dilema dilemas síntoma síntomas panorama sofá sofás papá papás"),
            Words("y e o u ni de del a al en con sin por para que pero más menos es son era fue entre sobre hasta desde como si no ya"),
            ["aron", "ieron", "aban", "ían"]),
        ["pt"] = new(["a", "as", "ção", "ções", "são", "sões", "dade", "dades", "gem", "gens"],
            Words("vez vezes mulher mulheres noite noites gente parte partes classe classes chave chaves mente flor flores lei leis pele razão razões " +
                "tarde tardes morte mortes sorte fonte fontes carne neve torre torres série séries espécie espécies base bases fase fases frase frases " +
                "rede redes parede paredes luz luzes voz vozes paz mãe mães"),
            Words("dia dias mapa mapas problema problemas tema temas sistema sistemas programa programas idioma idiomas clima planeta planetas poema poemas sofá sofás"),
            Words("e ou nem de do da dos das a ao à em no na com sem por para que mas mais menos é são era foi entre sobre até desde como se não já")),
        ["ca"] = new(["a", "es", "ció", "cions", "sió", "sions", "tat", "tats"],
            Words("vegada vegades nit nits gent part parts classe classes clau claus ment flor flors llei lleis pell raó raons tarda tardes mort sort " +
                "font fonts carn neu torre torres sèrie base fase frase xarxa paret parets llum veu veus pau mare mares"),
            Words("dia dies mapa mapes problema problemes tema temes sistema sistemes programa programes idioma idiomes clima planeta planetes poema poemes " +
                "pare pares home homes nombre nombres"),
            Words("i o ni de del a al en amb sense per que però més menys és són era va entre sobre fins des com si no ja")),
        ["fr"] = new(["tion", "tions", "sion", "sions", "té", "tés", "ure", "ures", "ette", "ettes", "ance", "ances", "ence", "ences", "ée", "ées",
                "ie", "ies", "ine", "ines", "elle", "elles", "esse", "esses", "aine", "aines", "onne", "onnes", "ude", "udes"],
            Words("heure heures fois minute minutes seconde secondes femme femmes fille filles chose choses ville villes maison maisons nuit nuits page pages " +
                "place places porte portes main mains mère mères sœur sœurs histoire histoires raison raisons chambre chambres table tables lettre lettres " +
                "langue langues voix loi lois eau image images chanson chansons leçon leçons fleur fleurs cause causes guerre guerres terre terres pièce " +
                "pièces étoile étoiles école écoles équipe équipes victoire victoires mort"),
            Words("été côté comité député lycée musée génie incendie parapluie silence magazine domaine domaines capitaine"),
            Words("et ou ni de du des à au aux en avec sans par pour que mais plus moins est sont était fut entre sur jusque depuis comme si ne pas")),
        ["it"] = new(["a", "zione", "zioni", "sione", "sioni", "tà", "tù"],
            Words("notte notti gente parte parti classe classi chiave chiavi mente legge leggi pelle immagine immagini ragione ragioni morte sorte fonte " +
                "carne neve torre serie specie base fase frase rete pareti sete luce luci voce voci pace madre madri moglie nave navi fame mano radio"),
            Words("problema problemi tema temi sistema sistemi programma programmi clima pianeta poema papà giorno"),
            Words("e o né di del della a al alla in con senza per che ma più meno è sono era fu tra fra su fino da come se non già")),
        ["de"] = new(["ung", "heit", "keit", "schaft", "ion", "tät", "ik", "ei", "enz", "anz", "ur", "e"],
            Words("Frau Nacht Stadt Hand Zeit Welt Uhr Tür Wand Maus Kuh Gans Nuss Brust Kunst Macht Wut Angst Luft Post Bank Art Zahl Wahl Frist " +
                "Last Lust Schrift Sicht Fahrt Arbeit Antwort Geburt"),
            Words("Name Junge Kollege Auge Ende Gebäude Käse Gedanke Glaube Buchstabe Friede Wille Affe Hase Löwe Kunde Franzose Erbe Interesse " +
                "Abitur Futur Abenteuer"),
            Words("und oder noch von vom zu zum zur in im mit ohne für dass aber mehr weniger ist sind war zwischen über bis seit wie wenn nicht")),
    };

    /// <summary>
    /// The gender of <paramref name="next"/> (the word right after the number) when the language inflects numbers and
    /// the word looks like a noun; null otherwise.
    /// </summary>
    public static GrammaticalGender? GenderOf(string language, string? next)
    {
        if (next is not { Length: > 1 } || !Languages.TryGetValue(language, out var rules) || rules.NotNouns.Contains(next)) return null;
        if (rules.VerbEndings?.Any(e => next.EndsWith(e, StringComparison.OrdinalIgnoreCase)) == true) return null; // "los 21 llegaron"
        // German nouns are capitalized: a lower-case word after a number is not what it counts.
        if (language == "de" && !char.IsUpper(next[0])) return null;
        if (rules.Masculine.Contains(next)) return GrammaticalGender.Masculine;
        if (rules.Feminine.Contains(next)) return GrammaticalGender.Feminine;
        var lower = next.ToLowerInvariant();
        return rules.FeminineEndings.Any(e => lower.EndsWith(e, StringComparison.Ordinal)) ? GrammaticalGender.Feminine : GrammaticalGender.Masculine;
    }

    /// <summary>
    /// The number as said before a noun of that gender: Spanish shortens uno to un (veintiún años), Italian and German
    /// say un/uno/una and ein/eine for one; elsewhere Humanizer's gendered words.
    /// </summary>
    public static string Say(long value, string language, GrammaticalGender gender, string next, System.Globalization.CultureInfo culture)
    {
        var masculine = gender == GrammaticalGender.Masculine;
        switch (language)
        {
            case "es":
                return value <= int.MaxValue ? ((int)value).ToWords(WordForm.Abbreviation, gender, culture) : value.ToWords(gender, culture);
            case "it" when value == 1:
                return !masculine ? "una" : ItalianUno(next) ? "uno" : "un";
            case "de" when value == 1:
                return masculine ? "ein" : "eine";
            default:
                return value <= int.MaxValue ? ((int)value).ToWords(gender, culture) : value.ToWords(gender, culture);
        }
    }

    // Italian says "uno" before s + consonant, z, gn, ps, pn, x and y (uno studente, uno zaino), "un" before the rest.
    private static bool ItalianUno(string word)
    {
        var w = word.ToLowerInvariant();
        return (w.Length > 1 && w[0] == 's' && !"aeiouàèéìòù".Contains(w[1])) || w[0] is 'z' or 'x' or 'y'
            || w.StartsWith("gn", StringComparison.Ordinal) || w.StartsWith("ps", StringComparison.Ordinal) || w.StartsWith("pn", StringComparison.Ordinal);
    }
}
