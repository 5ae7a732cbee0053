from claimledger.ui.kit.offsets import TextOffsets


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_plain_text_maps_one_to_one():
    offsets = TextOffsets("Gov. Brandvold said so.")
    assert offsets.is_identity
    assert offsets.to_utf16(5) == 5
    assert offsets.to_code_point(5) == 5


def test_bmp_accents_are_one_unit_each():
    text = "Nuñez, Wiśniewski, Nguyễn"
    offsets = TextOffsets(text)
    assert offsets.is_identity
    assert offsets.utf16_length == utf16_len(text)


def test_emoji_shift_every_later_position():
    text = "Fans 😀 cheered. Then 👍🏽 twice: 🇳🇴!"
    offsets = TextOffsets(text)
    assert not offsets.is_identity
    assert offsets.utf16_length == utf16_len(text)
    for index in range(len(text) + 1):
        position = offsets.to_utf16(index)
        assert position == utf16_len(text[:index])
        assert offsets.to_code_point(position) == index


def test_inside_a_surrogate_pair_rounds_down():
    offsets = TextOffsets("a😀b")
    assert [offsets.to_code_point(p) for p in range(5)] == [0, 1, 1, 2, 3]


def test_spans_round_trip():
    text = "😀 The bridge is 94 years old. 🌉"
    offsets = TextOffsets(text)
    start = text.index("The")
    end = text.index(".") + 1
    span = offsets.span_to_utf16(start, end)
    assert span == (start + 1, end + 1)
    assert offsets.span_to_code_points(*span) == (start, end)
