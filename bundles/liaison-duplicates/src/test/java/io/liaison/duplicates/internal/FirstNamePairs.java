package io.liaison.duplicates.internal;

/**
 * Labelled pairs of given names for the quality test (issue 16 point 4), German and English. A pair of different
 * names (NONE when nothing but the family name is shared) merely sounds alike, shares a beginning, or is the other
 * gender's form; a pair of one name (POSSIBLE) is a spelling variant, a transliteration, a short form or nickname
 * (as name dictionaries and the Apache-2.0 nickname list give them), or a typo. Emily / Emma is left out: the
 * nickname list gives Emma as a form of Emily.
 */
final class FirstNamePairs {
    /** Different people: alike in sound or beginning only, or the other gender's form. */
    static final String[][] DIFFERENT = {
            // the pairs
            {"Frank", "Franziska"}, {"Leonie", "Lena"}, {"Hannah", "Jana"},
            // sound alike (one Kölner Phonetik code) or share a beginning, German
            {"Lena", "Lina"}, {"Karin", "Katrin"}, {"Sabine", "Sabrina"}, {"Melanie", "Melina"},
            {"Carina", "Carola"}, {"Ralf", "Rolf"}, {"Nils", "Nina"}, {"Lars", "Laura"}, {"Dirk", "Doris"},
            {"Ina", "Ida"}, {"Emma", "Emil"}, {"Mia", "Mila"}, {"Lina", "Linus"}, {"Anja", "Anke"},
            {"Heike", "Heiko"}, {"Jannik", "Janina"}, {"Uwe", "Ute"}, {"Tim", "Tom"}, {"Marion", "Martin"},
            {"Hannah", "Hanno"}, {"Nina", "Nino"}, {"Greta", "Gerda"},
            {"Benedikt", "Benjamin"}, {"Christoph", "Christian"},
            // English
            {"Harry", "Harriet"}, {"Justin", "Justine"}, {"Eric", "Erica"}, {"Oliver", "Olivia"},
{"Megan", "Morgan"}, {"Noah", "Nora"}, {"Evan", "Ethan"}, {"Connor", "Conrad"},
            {"Amy", "Amber"}, {"Mary", "Mark"}, {"Chloe", "Claire"}, {"Jason", "Jayden"}, {"Lily", "Lola"}};

    /** One person's name written two ways: variants, transliterations, short forms, nicknames and typos. */
    static final String[][] SAME = {
            // the pairs
            {"Sophie", "Sofia"}, {"Hans", "Johannes"}, {"Jürgen", "Juergen"}, {"Katharina", "Katharian"},
            // spellings and transliterations
            {"Sophie", "Sofie"}, {"Stefanie", "Stephanie"}, {"Stefan", "Stephan"}, {"Philipp", "Filip"},
            {"Karl", "Carl"}, {"Klaus", "Claus"}, {"Christian", "Kristian"}, {"Matthias", "Mathias"},
            {"Thomas", "Tomas"}, {"Ralf", "Ralph"}, {"Jörg", "Joerg"}, {"Günter", "Günther"}, {"Jakob", "Jacob"},
            {"Katharina", "Katarina"}, {"Elisabeth", "Elisabet"}, {"Maik", "Mike"}, {"Kai", "Kay"},
            {"Sara", "Sarah"}, {"Hanna", "Hannah"}, {"Yvonne", "Ivonne"},
            // typos
            {"Andreas", "Andraes"}, {"Sebastian", "Sebastain"}, {"Michael", "Micheal"}, {"Wolfgang", "Wolfgnag"},
            {"Christoph", "Christof"}, {"Bernd", "Brend"},
            // short forms and nicknames, German
            {"Johannes", "Johann"}, {"Johann", "Hans"}, {"Alexander", "Alex"}, {"Maximilian", "Max"},
            {"Friedrich", "Fritz"}, {"Wilhelm", "Willi"}, {"Josef", "Sepp"}, {"Katharina", "Kathrin"},
            {"Margarete", "Grete"}, {"Elisabeth", "Lisa"}, {"Nikolaus", "Klaus"}, {"Andreas", "Andi"},
            {"Thomas", "Tom"}, {"Christoph", "Christopher"}, {"Benjamin", "Ben"}, {"Susanne", "Susi"},
            {"Barbara", "Bärbel"}, {"Magdalena", "Lena"}, {"Helena", "Lena"}, {"Gabriele", "Gabi"},
            // short forms and nicknames, English
            {"William", "Bill"}, {"Robert", "Bob"}, {"Elizabeth", "Liz"}, {"Margaret", "Peggy"},
            {"Richard", "Dick"}, {"James", "Jim"}, {"Katherine", "Kate"}, {"Edward", "Ted"}, {"Anthony", "Tony"},
            {"Jennifer", "Jenny"}, {"Rebecca", "Becky"}, {"Michael", "Mike"}};

    private FirstNamePairs() {
    }
}
