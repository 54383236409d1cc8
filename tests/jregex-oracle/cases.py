#!/usr/bin/env python3
# cases.py: writes cases.txt, the hand-picked patterns for jregex-oracle.sh: what
# MirrorMaker 2 configurations hold, and every place java.util.regex and PCRE2
# differ, each with subjects to match. Usage: python3 cases.py > cases.txt
import sys

cases = []


def needs_esc(s):
    return any(ord(c) < 0x20 or ord(c) in (0x7F, 0x85, 0x2028, 0x2029)
               or 0xD800 <= ord(c) <= 0xDFFF for c in s)


def esc(s):
    out = []
    for c in s:
        o = ord(c)
        if c == "\\":
            out.append("\\\\")
        elif c in "\t\n\r":
            out.append({"\t": "\\t", "\n": "\\n", "\r": "\\r"}[c])
        elif o < 0x20 or o >= 0x7F:
            if o > 0xFFFF:
                o -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 + (o >> 10), 0xDC00 + (o & 0x3FF)))
            else:
                out.append("\\u%04x" % o)
        else:
            out.append(c)
    return "".join(out)


def line(tag, s):
    cases.append(tag + "E\t" + esc(s) if needs_esc(s) else tag + "\t" + s)


def P(pattern, subjects):
    line("P", pattern)
    for s in subjects:
        line("S", s)


def group(title, patterns, subjects):
    cases.append("# " + title)
    for p in patterns:
        P(p, subjects)


EMOJI = "\U0001F600"
HIGH, LOW = "\ud83d", "\ude00"  # lone surrogate units

group("MirrorMaker 2 defaults and real-world filters", [
    ".*", ".*[\\-\\.]internal", ".*\\.replica", "__.*", "mm2.*\\.internal",
    ".*[\\-\\.]internal|.*\\.replica|__.*", "mm2.*\\.internal|.*\\.replica|__.*",
    "console-consumer-.*|connect-.*|__.*", "(?!)", "orders", "orders*", "topic.*", "[a-z]+",
    "[a-z]*", "first-topic.*", "test-.*", "RAL_.*", ".*commit-log.*", "example.*",
    "products|client-requests|filtered-products|recommendations", "__.*|_.*|*.replica", "*",
    "*.replica", ".*\\\\.replica", ".*[\\\\-\\\\.]internal", "topic.+", "topic\\..*", "^topic.*$",
    "topic.*$", "^.*$", "(?i)orders", "(?i)ORDERS.*", "orders|", "|orders", "orders||topic", "a|",
    "(orders)", "(orders|topic)-.*", "[^_].*", "[^_.][^.]*", "(?!__).*", "(?!.*internal).*",
    "^(?!__).*", ".*(?<!internal)", ".*(?<!\\.internal)", "(?!mm2).*(?<!\\.internal)",
    "\\Qmy.topic\\E", "\\Qmy.topic", "my\\.topic", "my.topic", ".*\\Q.internal\\E",
    "${env:TOPICS}", "${TOPICS}", "$TOPICS", "{{ .Values.topics }}", "topic-{1,3}", "t{2}opic",
    "topic\\d+", "topic\\w*", "topic[0-9]{1,3}", "topic_[0-9]+", "[A-Z]+_.*", "[[:alpha:]]+",
    "\\p{Alpha}+", "\\p{Lower}+", "\\p{javaLowerCase}+", "\\p{IsAlphabetic}+", "\\w+", "[\\w.-]+",
    "[\\w\\-.]+", "[a-zA-Z0-9._-]+", "[a-zA-Z0-9\\._\\-]+", "a.*b.*c", "(a|ab)(c|bcd)(d*)",
    ".*\\.(internal|replica)", ".*-(dlq|retry)", "topic1, topic2", "topic1 |topic2",
], ["", "orders", "orders2", "order", "topic", "topic-1", "my.topic", "my_topic", "a.internal",
    "mm2-offsets.B.internal", "mm2-configs.internal", "B.orders.replica", "__consumer_offsets",
    "_schemas", "heartbeats", "A.heartbeats", "connect-offsets", "console-consumer-123",
    "x-internal", "internal", "Orders", "ORDERS", ".", "-", "a", "aa", "ab", "abcd", "topic1",
    " topic2", "topic1 "])

group("anchors and line terminators under matches()", [
    "a$", "a$\\n?", "a\\Z", "a\\z", "^a", "(?m)^a", "(?m)a$", "(?m)a$\\n?", "(?d)a$\\n?", "(?m)^",
    "^", "$", "(?m)$", "\\A", "\\z", "\\Z", "(?m)^$", "a\\R", "a\\R?b", "\\R\\n", "a.b", "(?s)a.b",
    "(?d)a.b", "a\\n?$", "(?m)^b", "(?md)^b", "(?m)a\\n^b", "(?m)a\\r\\n^b", "(?m)a\\r^\\nb",
    "a$\\r\\n", "a\\r$\\n", "(?m)a\\r$\\n", "(?m)a$.*", "(?ms)a$.*", "(?d)a$\\r?\\n?",
    "(?dm)a$\\r?\\n?", "\\G", "\\Ga", "a\\G", ".*", "(?s).*", "(?d).*", "a\\b", "\\ba\\b", "a\\Bb",
    "a\\b\\nb", "\\h", "\\v", "a\\v*", "a\\h*", "[\\v]", "[\\h]", "\\H*", "\\V*", "a\\R+",
    "a(?:\\r\\n|\\R)", "a\\R\\R",
], ["", "a", "a\n", "a\r\n", "a\r", "a\u0085", "a\u2028", "\n", "\r\n", "\na", "a\nb", "a\r\nb",
    "a\rb", "ab", "a\n\n", "a\r\n\r\n", "a\t", "\t", " ", "\u00a0", "\u000b", "\u2028"])

group("quantifiers, braces and dangling meta characters", [
    "*", "+", "?", "a**", "a*+", "a*?", "a++", "a+?", "a?+", "a??", "a*?+", "a{", "a{1", "a{1,",
    "a{1,2", "{", "}", "{}", "a{}", "a{,2}", "a{2,1}", "x{2,1}", "a{1}", "a{1,}", "a{0,1}", "a{0}",
    "{1}", "a{2}{3}", "a{1}*", "(a){2}", "(a){2,}+", "(a|ab){2}+c", "a{2147483647}",
    "a{2147483648}", "a{1,2147483648}", "a{99999999999}", "a{65535}", "a{65536}", "a{ 1}", "a{1 }",
    "(?x)a{1 }", "(?x)a{ 1}", "(?x)a{1, 2}", "(?x)a * b", "(?x)a *+", "(?x)a * +", "^*", "$*",
    "\\b*", "\\A*a", "(?=a)*a", "(?=a){2}a", "(?i)*", "(?i)+a", "a|*", "(*)", "(?:*)", "a(*)",
    "a{1}{2}", "ab{2}c", "ab*c", "a\\x62*", "\\Qab\\E*", "\\Qa*\\E", "[a]*", ".{2,3}", "(ab)*+ab",
    "(ab|a)*+b", "(a?)*", "(a?){3}", "(a*)*b", "(a*)+b", "(a|b)*", "(?>a*)a", "(?>a|ab)c", "(a|)*b",
    "(a?){2,}b", "(a|ab)*c", "(a|ab)*+c", "(?:a|ab)++c", "a{0}b", "(a){0}\\1",
], ["", "a", "aa", "aaa", "ab", "abab", "abc", "b", "{", "}", "a{", "a{}", "ac", "abbc", "abcc",
    "ab*", "abac", "aabc", "x", "xx"])

group("escapes", [
    "\\", "a\\", "\\\\", "\\y", "\\i", "\\C", "\\E", "\\Q", "\\Qa", "\\Qa\\", "\\Q\\E", "\\Qa\\Eb",
    "\\Qa\\\\Eb", "\\Q\\\\E", "\\Qa\\E\\Qb\\E", "\\Q1\\E", "\\Q\\E1", "a\\Q\\E*", "\\x4\\Q1\\E",
    "\\0", "\\00", "\\01", "\\07", "\\08", "\\0101", "\\0377", "\\0400", "\\0777", "\\x", "\\x4",
    "\\x41", "\\x4g", "\\x{", "\\x{}", "\\x{41}", "\\x{41", "\\x{10FFFF}", "\\x{110000}",
    "\\x{FFFFFFFFF}", "\\x{1F600}", "\\u", "\\u004", "\\u0041", "\\u00411", "\\uD83D\\uDE00",
    "\\uD83D", "\\uDE00", "\\uD83D\\u0041", "\\uD83D\\uXYZW", "\\c", "\\cA", "\\c@", "\\c?", "\\c\\",
    "\\ca", "\\e", "\\a", "\\f", "\\t", "\\n", "\\r", "\\N", "\\N{", "\\N{}",
    "\\N{LATIN SMALL LETTER A}", "\\N{NOPE}", "\\N{ }", "\\N{ latin small letter a }",
    "\\1", "\\2", "(a)\\1", "(a)\\2", "(a)\\11",
    "(a)\\10", "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\\10", "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\\11", "\\1(a)",
    "(a\\1)", "(?:(a)|b)\\1", "(a)|b\\1", "(?:\\2b|(a)(b))+", "(?<n>a)\\k<n>", "\\k<n>(?<n>a)",
    "(?<n>a\\k<n>)", "\\k<n>", "\\k", "\\kn", "\\k<n", "(?<n>a)\\k<m>", "(?<n>a)(?<n>b)", "(?<1>a)",
    "(?<a1>a)\\k<a1>", "(?<a_b>a)", "(?<a", "(?<>a)", "(?<n>", "(?<\u00e9>a)", "\\-", "\\.", "\\@",
    "\\#", "\\ ", "\\\u00e9", "\\<", "\\>", "\\'", "\\\"", "\\%", "\\!", "\\_", "\\" + EMOJI,
], ["", "a", "A", "aa", "ab", "1", "\\", "1a", "-", ".", "@", "#", " ", "\u00e9", "\u0007",
    "\u001b", "\u0001", "a1", "aa1", "ba", "abab", "aab", EMOJI, "\u0000", "\u00ff", "\u0100",
    "\u0041", "\u00411", "a\\", "abcdefghija", "abcdefghijj", "abcdefghija1", "Q", "E"])

group("groups and flags", [
    "(", ")", "a)", "(a", "(a))", "((a)", "()", "(?)", "(?", "(?:", "(?:)", "(?=)", "(?!)",
    "(?<=)", "(?<!)", "(?>)", "(?$)", "(?@)", "(?P<n>a)", "(?#comment)", "(?x)a#comment",
    "(?x)a # c\nb", "(?x)a\\ b", "(?x)[ a]", "(?x)[a ]", "(?x)[a-\\ ]", "(?x)a#", "(?x)#", "(?x)",
    "(?i)", "(?i", "(?i:a", "(?i:a)", "(?-i)", "(?i-i)", "(?i)a(?-i)a", "(?i:a)a", "a(?i)b|c",
    "(a(?i)b)c", "(?idmsuxU)", "(?idmsuxU-idmsuxU)", "(?c)", "(?c)a", "(?-c)a", "(?q)",
    "(?i)(?u)", "(?iu)\u017f", "(?i)\u017f", "(?iu)s", "(?i)s", "(?iu)k", "(?i)k", "(?iu)\u212a",
    "(?i)\u212a", "(?iu)i", "(?i)i", "(?iu)\u0131", "(?iu)\u00e9", "(?i)\u00e9", "(?iu)[a-z]",
    "(?i)[a-z]", "(?i)[A-Z]", "(?iu)[\u00e9]", "(?i)[\u00e9]", "(?iu)[k]", "(?iu)[s-t]",
    "(?iu)[\u0100-\u0200]", "(?i)[\u00c0-\u00de]", "(?iu)[\u00c0-\u00de]", "(?iu)\u00ff",
    "(?U)\\w", "(?U)\\d", "(?U)\\s", "(?U)\\b", "(?U)\\W", "(?U)\\p{Lower}", "(?U)\\p{lower}",
    "(?U)\\p{Alpha}", "(?i)\\p{Lower}", "(?i)\\p{Upper}", "(?i)\\p{Lu}", "(?i)\\p{javaLowerCase}",
    "(?i)[\\p{Lower}]", "(?i)(a)\\1", "(?iu)(a)\\1", "(?i:(a))\\1", "(?=a)", "(?=a)a", "(?!a)b",
    "(?<=a)b", "a(?<=a)b", "a(?<=a)", "(?<!a)b", ".(?<!a)", "(?<=ab|c)", ".(?<=ab|b)",
    "..(?<=ab|b)", "(?<=a+)", "(?<=a*)b", "(?<=a{2})", "(?<=a{1,2})", "(?<=a?)b", "(?<=(a|bc))",
    ".(?<=\\b)", "(?<=\\R)", "(?<=\\X)", "(?<=\\1)(a)", "(a)(?<=\\1)", "(?<=(a))\\1", "(?>a+)b",
    "(?>a+)", "(a)(?<n>b)\\2", "(?<n>a)(b)\\k<n>", "(?i)(?<n>a)\\k<n>", "(?s:a.)b", "(?m:a$)\\n",
], ["", "a", "A", "aa", "aA", "Aa", "ab", "aB", "Ab", "b", "c", "C", "ac", "aBc", "abc", "\u017f",
    "s", "S", "K", "k", "\u212a", "i", "I", "\u0130", "\u0131", "\u00e9", "\u00c9", "\u00ff",
    "\u0178", "_", "1", "#", "a\nb", "a\n", " ", "\u0101", "\u0100", "\u00e0", "\u00c0", "ba",
    "bab", "abab"])

group("character classes", [
    "[", "]", "[]", "[]a]", "[]]", "[^]", "[^]a]", "[^", "[a", "[a-]", "[-a]", "[a-z-]", "[a-\\d]",
    "[\\d-a]", "[\\d-\\d]", "[z-a]", "[a-a]", "[\\x61-\\x7a]", "[a-\\x7a]", "[\\b]", "[\\B]",
    "[\\1]", "[\\A]", "[\\z]", "[\\R]", "[\\X]", "[\\k<n>]", "[\\Q]\\E]", "[\\Q^\\E]", "[\\Q-\\E]",
    "[a\\Q-\\Ez]", "[\\v]", "[\\v-\\x0d]", "[\\x0a-\\v]", "[\\h]", "[^\\h]", "[\\H]",
    "[[a-z]&&[^e]]", "[a-z&&[^e]]", "[a-z&&^e]", "[a-z&&e]", "[a-z&&]", "[&&a-z]", "[&&]",
    "[a&&&b]", "[a&&b&&c]", "[a&b]", "[&]", "[&&&]", "[a-z&&[aeiou]&&[^a]]", "[[a][b]]", "[a[b]]",
    "[^a[b]]", "[^[a]b]", "[[^a]]", "[^[^a]]", "[a-c[x-z]]", "[a-c&&[b-d]x]", "[[a]&&b]",
    "[a&&[b]&c]", "[^a&&b]", "[^a-c&&b]", "[a^]", "[\\^]", "[\\]]", "[\\[]", "[[]", "[a[]",
    "[\\p{Lower}]", "[\\p{Lower}&&[^a]]", "[^\\p{Lower}]", "[\\P{Lower}]", "[\\pL]",
    "[\\p{L}&&[a-z]]", "[\\d\\s]", "[^\\d\\s]", "[\\w&&[^\\d]]", "[.]", "[$]", "[|]", "[(]", "[)]",
    "[*]", "[+]", "[?]", "[{]", "[\\\\]", "[\\-]", "[a\\-z]", "[a-z\\d]", "[\\e]", "[\\a]",
    "[\\cA]", "[\\x{1F600}]", "[\\uD83D\\uDE00]", "[\\0141]", "[\\x{41}-\\x{5A}]", "[\u00e9]",
    "[\u00e0-\u00ff]", "[\\u00e0-\\u00ff]", "[\\N{X}]", "[\\p{IsLatin}]", "[\\p{InBasicLatin}]",
    "[a-\\pL]", "[a-\\Q\\E]", "[\\x{0}-\\x{10FFFF}]", "[^\\x{0}-\\x{10FFFF}]",
    "[\\x{D7FF}-\\x{E000}]", "[" + EMOJI + "]", "[^" + EMOJI + "]", "[a-" + EMOJI + "]",
    "[ab&&[bc]&&[cb]]", "[[ab]&&b]", "[ab[cd]&&[bc]]", "[[ab][cd]&&[bc]]",
], ["", "a", "b", "c", "e", "z", "A", "-", "]", "[", "^", "&", "\\", "1", " ", "\u000b", "\r",
    "\t", "\u00e9", "\u00c9", ".", "x", "aa", "ab", "\u0001", "\u001b", EMOJI, "\ufffd", "\u00ff"])

group("properties", ["\\p{" + n + "}" for n in [
    "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "N", "Nd", "P", "Po", "S", "Sm", "Z", "Zs", "C", "Cc",
    "Cn", "Cs", "LC", "LD", "L1", "all", "ASCII", "Alnum", "Alpha", "Blank", "Cntrl", "Digit",
    "Graph", "Lower", "Print", "Punct", "Space", "Upper", "XDigit", "javaLowerCase",
    "javaUpperCase", "javaWhitespace", "javaMirrored", "javaLetterOrDigit",
    "javaJavaIdentifierStart", "javaIdentifierIgnorable", "javaDefined", "lower", "LOWER", "alpha",
    "IsLower", "Islower", "IsAlphabetic", "IsALPHABETIC", "Isalphabetic", "IsWhite_Space",
    "IsWhiteSpace", "IsLu", "Islu", "IsL", "IsL1", "Isall", "IsASCII", "IsLatin", "IsGreek",
    "Islatin", "IsEmoji", "IsFoo", "InBasicLatin", "InBasic_Latin", "InGreek", "InFoo", "gc=Lu",
    "gc=L", "general_category=Lu", "GC=Lu", "gc=lu", "gc=Foo", "gc=", "gc=javaLowerCase",
    "sc=Latin", "script=Latin", "blk=BasicLatin", "block=BasicLatin", "foo=bar", "=Lu", "Lu=",
    "Foo", "", " L", "L ", "javalowercase", "Javalowercase", "Is", "In", "I", "\u00e9",
    "Is\u00e9", "gc=L=u", "a=b=c"]] + [
    "\\pL", "\\pl", "\\pN", "\\pZ", "\\pX", "\\p", "\\p{", "\\p{L", "\\p{}", "\\P{L}", "\\PL",
    "\\p{L}+", "\\pLu", "\\p\\{L}", "(?x)\\p {L}", "(?x)\\p{ L}", "(?x)\\p{L }", "(?U)\\p{Lower}",
    "(?U)\\p{lower}", "(?U)\\p{Foo}", "(?U)\\p{javaLowerCase}", "(?U)\\p{ASCII}", "(?i)\\p{Lu}",
    "(?i)\\p{Lower}", "(?i)\\P{Lower}", "(?i)\\p{IsLowercase}", "(?i)\\p{gc=Ll}",
    "(?i)\\p{javaUpperCase}", "\\p" + EMOJI, "\\p\u00e9",
], ["a", "A", "z", "1", " ", "_", "-", "\u00e9", "\u00c9", "\u0001", "L", "Lu", "", "\u00a0",
    "\u0085", "\t", "\u007f", "~", "$", "+"])

group("whitespace, comments mode and odd characters", [
    " .*", ".* ", "a b", " ", "(?x) a b ", "(?x)a\\#b", "(?x)[#]", "(?x)[a#]b]", "(?x)a#b\nc",
    "(?x)a#b\rc", "(?x)a#b\u0085c", "(?x)a#b\u2028c", "(?xd)a#b\rc", "(?x)(?i) a", "(?x: a )b",
    "(?x)a(?-x) b", "(?x)\\ ", "(?x)\\Q \\E", "(?x)a{1,#\n2}", "(?x)a\\\n", "(?x)[a-\n]",
    "(?x)\\p{L}#", "(?x)\\c A", "(?x)\\x4 1", "(?x)\\u00 41", "(?x)\\0 1", "(?x)(? i)a",
    "(?x)( ?i)a", "(?x)(?<n >a)", "(?x)\\k< n>", "(?x)[a&& b]", "(?x)[a& &b]", "(?x)a{1}  +",
    "\u00e9", "\u00e9+", "caf\u00e9", "\u212a", "\u00df", "\\x{DF}", "\u0000", "a\u0000b", EMOJI,
    ".", "..", "\\uD83D\\uDE00", "[\\uD83D\\uDE00]", "\\x{1F600}", "\\x{1F600}{2}", EMOJI + "{2}",
    "\\X", "\\X\\X", "a\\X", "\\b{g}", "\\b{", "\\b{x}", "\\b{g", "\\B{g}", "[\u0000]", "\\x00",
    "\u0000*", "[\u0000-a]",
], ["", " ", "a", "ab", "a b", " a", "#", "a#b", "\u00e9", "e", "caf\u00e9", "K", "k", "\u00df",
    "\u0000", "a\u0000b", EMOJI, EMOJI + EMOJI, HIGH + LOW, HIGH, LOW, "a\r\n", "\r\n",
    "\u00e9\u0301", "e\u0301", "A", "aaa", "Ab", "\u0001", "a\n", "\u0000\u0000"])

sys.stdout.write("# Written by cases.py; edit that, not this. Format: see jregex-oracle.sh.\n")
sys.stdout.write("\n".join(cases) + "\n")
