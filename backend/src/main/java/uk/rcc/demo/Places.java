package uk.rcc.demo;

import java.util.List;

/**
 * Real council codes (ONS) and main towns used to place synthetic homes and children. The North East and
 * Cumbria co-operative is the demo; the national list spreads a national-scale benchmark set across England.
 */
final class Places {
    private Places() {}

    record Town(String name, double lat, double lon, double weight) {}

    record Council(String code, String name, List<Town> towns) {
        Town centre() {
            return towns.get(0);
        }
    }

    /** Members of the demo co-operative. */
    static final List<Council> NORTHERN_MEMBERS = List.of(
            new Council(
                    "E06000063",
                    "Cumberland",
                    List.of(
                            new Town("Carlisle", 54.8925, -2.9329, 5),
                            new Town("Workington", 54.6425, -3.5446, 2),
                            new Town("Whitehaven", 54.5486, -3.5865, 2),
                            new Town("Penrith", 54.6641, -2.7527, 1),
                            new Town("Maryport", 54.7144, -3.4950, 1),
                            new Town("Cockermouth", 54.6622, -3.3622, 1),
                            new Town("Keswick", 54.6013, -3.1347, 0.5))),
            new Council(
                    "E06000064",
                    "Westmorland and Furness",
                    List.of(
                            new Town("Kendal", 54.3280, -2.7463, 3),
                            new Town("Barrow-in-Furness", 54.1108, -3.2261, 4),
                            new Town("Ulverston", 54.1935, -3.0925, 1),
                            new Town("Windermere", 54.3803, -2.9068, 1),
                            new Town("Appleby-in-Westmorland", 54.5770, -2.4890, 0.5))),
            new Council(
                    "E06000057",
                    "Northumberland",
                    List.of(
                            new Town("Morpeth", 55.1680, -1.6880, 2),
                            new Town("Blyth", 55.1270, -1.5080, 4),
                            new Town("Cramlington", 55.0860, -1.5850, 3),
                            new Town("Ashington", 55.1830, -1.5667, 4),
                            new Town("Hexham", 54.9710, -2.1010, 1.5),
                            new Town("Berwick-upon-Tweed", 55.7700, -2.0050, 1),
                            new Town("Alnwick", 55.4130, -1.7060, 1))),
            new Council(
                    "E06000047",
                    "County Durham",
                    List.of(
                            new Town("Durham", 54.7761, -1.5733, 4), new Town("Chester-le-Street", 54.8580, -1.5740, 2),
                            new Town("Consett", 54.8540, -1.8310, 2), new Town("Stanley", 54.8680, -1.6980, 2),
                            new Town("Peterlee", 54.7600, -1.3360, 3),
                                    new Town("Bishop Auckland", 54.6640, -1.6760, 2.5),
                            new Town("Newton Aycliffe", 54.6180, -1.5800, 2), new Town("Seaham", 54.8390, -1.3460, 2),
                            new Town("Spennymoor", 54.6980, -1.6020, 1.5),
                                    new Town("Barnard Castle", 54.5430, -1.9240, 0.5))));

    /** Neighbours outside the demo co-operative, where independent providers also run homes. */
    static final List<Council> NORTHERN_NEIGHBOURS = List.of(
            new Council("E08000021", "Newcastle upon Tyne", List.of(new Town("Newcastle", 54.9783, -1.6178, 1))),
            new Council("E08000024", "Sunderland", List.of(new Town("Sunderland", 54.9069, -1.3838, 1))),
            new Council("E08000037", "Gateshead", List.of(new Town("Gateshead", 54.9527, -1.6034, 1))),
            new Council("E06000005", "Darlington", List.of(new Town("Darlington", 54.5236, -1.5595, 1))),
            new Council("E10000017", "Lancashire", List.of(new Town("Lancaster", 54.0466, -2.8007, 1))),
            new Council(
                    "E06000065",
                    "North Yorkshire",
                    List.of(new Town("Harrogate", 53.9921, -1.5418, 1), new Town("Richmond", 54.4030, -1.7370, 1))));

    /** Further English councils for national-scale sets. */
    static final List<Council> NATIONAL_EXTRA = List.of(
            council("E08000025", "Birmingham", 52.4862, -1.8904),
            council("E08000003", "Manchester", 53.4808, -2.2426),
            council("E08000035", "Leeds", 53.8008, -1.5491),
            council("E08000019", "Sheffield", 53.3811, -1.4701),
            council("E06000023", "Bristol", 51.4545, -2.5879),
            council("E08000012", "Liverpool", 53.4084, -2.9916),
            council("E06000018", "Nottingham", 52.9548, -1.1581),
            council("E06000016", "Leicester", 52.6369, -1.1398),
            council("E10000030", "Surrey", 51.2362, -0.5704),
            council("E10000016", "Kent", 51.2704, 0.5227),
            council("E10000020", "Norfolk", 52.6309, 1.2974),
            council("E10000008", "Devon", 50.7184, -3.5339),
            council("E06000052", "Cornwall", 50.2632, -5.0510),
            council("E10000014", "Hampshire", 51.0598, -1.3101),
            council("E10000012", "Essex", 51.7356, 0.4685),
            council("E06000010", "Kingston upon Hull", 53.7676, -0.3274),
            council("E06000026", "Plymouth", 50.3755, -4.1427),
            council("E09000033", "Westminster", 51.4975, -0.1357),
            council("E09000028", "Southwark", 51.5035, -0.0804),
            council("E08000026", "Coventry", 52.4068, -1.5197),
            council("E06000021", "Stoke-on-Trent", 53.0027, -2.1794));

    private static Council council(String code, String name, double lat, double lon) {
        return new Council(code, name, List.of(new Town(name, lat, lon, 1)));
    }
}
