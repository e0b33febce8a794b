"""The programme's own pages, in Vietnamese (from the seed articles) and English.

Vietnamese text is taken from the seed articles; English follows the glossary.
"""


def p(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def figure(number, label, description=""):
    return {"type": "key_figure", "value": {"figure": number, "label": label, "description": description}}


def quote(text, attribution):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


# Images drawn at load time (see ``demo_images``); keyed by a stable name.
IMAGES = {
    "network": {
        "title": "Mạng lưới các thành phố",
        "alt_vi": "Hình minh họa các điểm tròn nối với nhau thành một mạng lưới trên nền xanh lam",
        "alt_en": "Illustration of circles linked into a network on a blue background",
        "credit_vi": "Cổng thông tin Hà Nội sáng tạo",
        "credit_en": "Hanoi Creative City portal",
    },
    "designation": {
        "title": "Hà Nội – Thành phố Thiết kế",
        "alt_vi": "Hình minh họa mặt trời cách điệu với các tia màu đỏ và vàng",
        "alt_en": "Illustration of a stylised sun with red and gold rays",
        "credit_vi": "Cổng thông tin Hà Nội sáng tạo",
        "credit_en": "Hanoi Creative City portal",
    },
    "pillars": {
        "title": "Ba trụ cột",
        "alt_vi": "Hình minh họa ba cột trụ có chiều cao khác nhau trên nền màu kem",
        "alt_en": "Illustration of three pillars of different heights on a cream background",
        "credit_vi": "Cổng thông tin Hà Nội sáng tạo",
        "credit_en": "Hanoi Creative City portal",
    },
    "home": {
        "title": "Hoa văn Hà Nội sáng tạo",
        "alt_vi": "Hoa văn hình học màu đỏ son, vàng và xanh lục gợi mái ngói và ô cửa phố cổ",
        "alt_en": "Geometric pattern in vermilion, gold and green recalling Old Quarter roofs and windows",
        "credit_vi": "Cổng thông tin Hà Nội sáng tạo",
        "credit_en": "Hanoi Creative City portal",
    },
}

HOME = {
    "title_vi": "Hà Nội – Thành phố sáng tạo",
    "title_en": "Hanoi – Creative City of Design",
    "slug_vi": "trang-chu",
    "slug_en": "home",
    "intro_vi": (
        "Hà Nội chính thức trở thành thành viên mạng lưới các Thành phố sáng tạo của UNESCO. "
        "Tham gia mạng lưới các Thành phố sáng tạo của UNESCO là cơ hội thuận lợi cho Hà Nội trong việc "
        "định vị thương hiệu, quảng bá hình ảnh trong tất cả các lĩnh vực sáng tạo văn hóa."
    ),
    "intro_en": (
        "Hanoi has officially become a member of the UNESCO Creative Cities Network. "
        "Joining the UNESCO Creative Cities Network is a favourable opportunity for Hanoi to position its "
        "brand and promote its image in every field of cultural creativity."
    ),
    "image": "home",
    "body_vi": [
        {
            "type": "call_to_action",
            "value": {
                "title": "Chương trình hành động",
                "text": (
                    "Để thực hiện cam kết, Hà Nội sẽ cụ thể hóa bằng chương trình hành động dài hạn về tầm nhìn "
                    "và kết nối các chính sách của Thành phố."
                ),
                "page": "action",
                "url": "",
                "button_text": "Xem chương trình hành động",
            },
        }
    ],
    "body_en": [
        {
            "type": "call_to_action",
            "value": {
                "title": "The action programme",
                "text": (
                    "To fulfil its commitment, Hanoi will set out a long-term action programme for its vision "
                    "and for connecting the City's policies."
                ),
                "page": "action",
                "url": "",
                "button_text": "See the action programme",
            },
        }
    ],
}

PAGES = [
    {
        "key": "network",
        "title_vi": "Mạng lưới các Thành phố sáng tạo của UNESCO",
        "title_en": "The UNESCO Creative Cities Network",
        "slug_vi": "mang-luoi-cac-thanh-pho-sang-tao-cua-unesco",
        "slug_en": "unesco-creative-cities-network",
        "image": "network",
        "intro_vi": (
            "Tính đến tháng 6/2019, mạng lưới có tổng số 180 Thành phố trên thế giới thuộc 72 quốc gia thành viên "
            "của UNESCO được công nhận đạt tiêu chí của mạng lưới này."
        ),
        "intro_en": (
            "As of June 2019, the network counted 180 cities around the world, in 72 UNESCO member states, "
            "recognised as meeting the network's criteria."
        ),
        "hero_caption_vi": "Các thành phố của mạng lưới đến từ tất cả các châu lục.",
        "hero_caption_en": "The network's cities come from every continent.",
        "body_vi": [
            p(
                "Mạng lưới các Thành phố sáng tạo của UNESCO được thành lập năm 2004, với mục tiêu tăng cường hợp "
                "tác giữa các Thành phố đã được công nhận sáng tạo, coi đây là một yếu tố chiến lược phục vụ phát "
                "triển bền vững trên các lĩnh vực kinh tế, xã hội, văn hóa và môi trường."
            ),
            figure("2004", "Năm thành lập mạng lưới"),
            figure("180", "Thành phố thành viên", "Tính đến tháng 6/2019"),
            figure("72", "Quốc gia thành viên của UNESCO"),
            p(
                "Các thành phố của mạng lưới đến từ tất cả các châu lục và khu vực có mức thu nhập và dân số khác "
                "nhau, cùng nhau hướng tới một sứ mệnh chung, đặt sự sáng tạo và nền kinh tế sáng tạo làm cốt lõi "
                "trong việc phát triển đô thị để tiến tới các thành phố an toàn, hội nhập và phát triển bền vững, "
                "thực hiện mục tiêu chương trình nghị sự 2030 của Liên hiệp quốc về Phát triển bền vững."
            ),
        ],
        "body_en": [
            p(
                "The UNESCO Creative Cities Network was created in 2004 to strengthen cooperation among cities "
                "recognised for their creativity, treating creativity as a strategic factor for sustainable "
                "development in the economic, social, cultural and environmental fields."
            ),
            figure("2004", "Year the network was created"),
            figure("180", "Member cities", "As of June 2019"),
            figure("72", "UNESCO member states"),
            p(
                "The network's cities come from every continent and from regions with different levels of income "
                "and population. They share a common mission: placing creativity and the creative economy at the "
                "core of urban development, towards safe, inclusive and sustainable cities, in pursuit of the UN "
                "2030 Agenda for Sustainable Development."
            ),
        ],
    },
    {
        "key": "designation",
        "title_vi": "Hà Nội – Thành phố sáng tạo 2019",
        "title_en": "Hanoi's 2019 designation",
        "slug_vi": "ha-noi-thanh-pho-sang-tao-2019",
        "slug_en": "hanoi-2019-designation",
        "image": "designation",
        "intro_vi": (
            "Ngày 31/10/2019, Hà Nội chính thức trở thành thành viên mạng lưới các Thành phố sáng tạo của UNESCO, "
            "là Thành phố sáng tạo trong lĩnh vực Thiết kế."
        ),
        "intro_en": (
            "On 31 October 2019, Hanoi officially became a member of the UNESCO Creative Cities Network, "
            "as a Creative City of Design."
        ),
        "hero_caption_vi": "Hà Nội – Thành phố sáng tạo trong lĩnh vực Thiết kế.",
        "hero_caption_en": "Hanoi – Creative City of Design.",
        "body_vi": [
            heading("Hà Nội chính thức trở thành thành viên mạng lưới các Thành phố sáng tạo của UNESCO"),
            p(
                "Hà Nội là “trung tâm chính trị - hành chính quốc gia, trung tâm lớn về văn hóa, khoa học, giáo "
                "dục, kinh tế và giao dịch quốc tế” - nơi hội tụ đầy đủ các yếu tố lịch sử, văn hóa với nhiều di sản "
                "văn hóa vật thể, phi vật thể của quốc tế và quốc gia, với hàng trăm làng nghề truyền thống... Hà Nội "
                "cũng là nơi tập trung nhân tài, trí tuệ của cả nước với hệ thống các trung tâm nghiên cứu, học viện, "
                "trường đại học, cao đẳng… rất thuận lợi cho việc tiếp nhận, phổ biến tri thức, công nghệ mới - những "
                "nhân tố quan trọng cho sự phát triển của công nghiệp văn hóa, công nghiệp sáng tạo."
            ),
            figure("31/10/2019", "Hà Nội trở thành Thành phố sáng tạo trong lĩnh vực Thiết kế"),
            p(
                "Tham gia mạng lưới các Thành phố sáng tạo của UNESCO là cơ hội thuận lợi cho Hà Nội trong việc "
                "định vị thương hiệu, quảng bá hình ảnh trong tất cả các lĩnh vực sáng tạo văn hóa."
            ),
            p(
                "Tham gia mạng lưới các Thành phố sáng tạo của UNESCO là bước đi đầu tiên nhưng có ý nghĩa quan "
                "trọng cho mục tiêu nâng cao vị thế và tạo dựng hình ảnh mới, hấp dẫn hơn cho Hà Nội."
            ),
            quote(
                "Đây là sự ghi nhận đối với những giá trị văn hóa, sáng tạo của Hà Nội, là động lực để Thành phố "
                "phát triển nhanh hơn, bền vững hơn trong thời gian tới.",
                "Ông Vương Đình Huệ, Bí thư Thành ủy Hà Nội",
            ),
        ],
        "body_en": [
            heading("Hanoi officially becomes a member of the UNESCO Creative Cities Network"),
            p(
                "Hanoi is “the national political and administrative centre, a major centre of culture, science, "
                "education, economy and international exchange”: a place that brings together history and culture, "
                "with much tangible and intangible cultural heritage of international and national standing and "
                "hundreds of traditional craft villages. Hanoi also gathers the country's talent and intellect, with "
                "research centres, academies, universities and colleges that make it well placed to receive and "
                "spread knowledge and new technology, key factors in the growth of the cultural industries and "
                "creative industries."
            ),
            figure("31 October 2019", "Hanoi becomes a Creative City of Design"),
            p(
                "Joining the UNESCO Creative Cities Network is a favourable opportunity for Hanoi to position its "
                "brand and promote its image in every field of cultural creativity."
            ),
            p(
                "Joining the UNESCO Creative Cities Network is a first step, but an important one, towards raising "
                "Hanoi's standing and building a new, more attractive image for the city."
            ),
            quote(
                "This is a recognition of Hanoi's cultural and creative values, and a driving force for the City "
                "to develop faster and more sustainably in the time ahead.",
                "Vương Đình Huệ, Secretary of the Hanoi Party Committee",
            ),
        ],
    },
    {
        "key": "action",
        "title_vi": "Chương trình hành động",
        "title_en": "The action programme",
        "slug_vi": "chuong-trinh-hanh-dong",
        "slug_en": "action-programme",
        "image": "pillars",
        "intro_vi": (
            "Để thực hiện cam kết, Hà Nội sẽ cụ thể hóa bằng chương trình hành động dài hạn về tầm nhìn và kết nối "
            "các chính sách của Thành phố nhằm thúc đẩy các ngành công nghiệp văn hóa nói riêng và làm giàu nguồn "
            "lực văn hóa, sức mạnh mềm của Hà Nội nói chung."
        ),
        "intro_en": (
            "To fulfil its commitment, Hanoi will set out a long-term action programme for its vision and for "
            "connecting the City's policies, to promote the cultural industries in particular and to enrich "
            "Hanoi's cultural resources and soft power in general."
        ),
        "hero_caption_vi": "Ba trụ cột của Đề án: giáo dục, đô thị hóa, văn hóa và sức mạnh mềm.",
        "hero_caption_en": "The project's three pillars: education, urbanisation, culture and soft power.",
        "body_vi": [
            p(
                "Bên cạnh đó, Hà Nội sẽ tạo tiền đề thúc đẩy các Thành phố khác của Việt Nam tham gia mạng lưới "
                "Thành phố sáng tạo, đóng góp tích cực vào sự phát triển chung của mạng lưới, khẳng định vị trí và "
                "tầm vóc Thủ đô sáng tạo của nước Việt Nam ở khu vực Đông Nam Á và thế giới."
            ),
            heading("Đề án của UNESCO với 3 trụ cột"),
            p(
                "Bằng việc ghi danh Hà Nội vào mạng lưới các thành phố sáng tạo, UNESCO mong muốn sẽ thúc đẩy hơn "
                "các giá trị di sản văn hóa, với mục tiêu xây dựng Hà Nội từ thành phố sáng tạo trở thành trung tâm "
                "sáng tạo, “kinh đô sáng tạo” của khu vực Đông Nam Á và châu Á, dựa trên nền tảng các giá trị di sản, "
                "văn hóa, hòa bình; từ đó xây dựng hình ảnh Hà Nội của thế kỷ 21 năng động, sáng tạo, thành phố "
                "đáng sống…"
            ),
            p(
                "Để hiện thực hóa mục tiêu trên, UNESCO đang xây dựng Đề án với 3 trụ cột chính là giáo dục, đô thị "
                "hóa, văn hóa và sức mạnh mềm. Thông qua Đề án này, UNESCO sẽ hỗ trợ Hà Nội kết nối với các thành phố "
                "trên thế giới cũng như các đối tác quốc tế, những người quan tâm và mong muốn Hà Nội phát triển."
            ),
            heading("Mục tiêu đến năm 2030 và 2045"),
            figure("2030", "Thành phố xanh, thông minh và hiện đại"),
            figure("2045", "Thành phố đáng sống, Thủ đô của đất nước có thu nhập cao"),
            p(
                "Trong dự thảo văn kiện Đại hội XVII Đảng bộ Thành phố, Hà Nội đặt mục tiêu đến năm 2030 là Thành "
                "phố xanh, thông minh và hiện đại; đến năm 2045 là Thành phố đáng sống, Thủ đô của đất nước có thu "
                "nhập cao. Hà Nội coi trọng phát huy các giá trị nghìn năm văn hiến, Thủ đô anh hùng, Thành phố Vì "
                "hòa bình, cùng với nguồn lực con người để trở thành nguồn lực nội sinh quan trọng."
            ),
            heading("Mạng lưới sáng kiến Thủ đô"),
            p(
                "Hà Nội đang xúc tiến xây dựng mạng lưới sáng kiến Thủ đô, với mục tiêu quy tụ những chuyên gia, "
                "nhà khoa học, những người yêu Hà Nội đóng góp những ý tưởng, sáng kiến để xây dựng, phát triển Thủ "
                "đô. Hà Nội sẽ phối hợp với UNESCO để tổ chức hội thảo hoặc tọa đàm nhằm hoàn thiện Đề án của UNESCO "
                "cũng như quảng bá, huy động nguồn lực để hiện thực hóa Đề án."
            ),
        ],
        "body_en": [
            p(
                "Hanoi will also lay the groundwork for other Vietnamese cities to join the Creative Cities Network, "
                "contribute actively to the network's shared development, and affirm the place and stature of Viet "
                "Nam's creative capital in South-East Asia and the world."
            ),
            heading("UNESCO's project and its three pillars"),
            p(
                "By inscribing Hanoi in the Creative Cities Network, UNESCO hopes to further promote its cultural "
                "heritage, with the aim of turning Hanoi from a Creative City into a creative hub, the “creative "
                "capital” of South-East Asia and Asia, built on its heritage, culture and peace, and so building the "
                "image of a dynamic, creative, liveable 21st-century Hanoi."
            ),
            p(
                "To achieve this aim, UNESCO is drawing up a project resting on three pillars: education, "
                "urbanisation, culture and soft power. Through this project, UNESCO will help Hanoi connect with "
                "cities around the world and with international partners who care about Hanoi and wish to see it "
                "develop."
            ),
            heading("Goals for 2030 and 2045"),
            figure("2030", "A green, smart and modern city"),
            figure("2045", "A liveable city, the high-income capital of the country"),
            p(
                "In the draft documents of the 17th Congress of the City's Party Organisation, Hanoi sets itself the "
                "goal of becoming a green, smart and modern city by 2030, and by 2045 a liveable city, the "
                "high-income capital of the country. Hanoi values its thousand-year heritage of learning, its title "
                "of heroic Capital and City for Peace, together with its people, as key resources of its own."
            ),
            heading("The Capital initiatives network"),
            p(
                "Hanoi is building a Capital initiatives network that brings together experts, scientists and "
                "people who love Hanoi to contribute ideas and initiatives for building and developing the Capital. "
                "Hanoi will work with UNESCO on workshops or round-table discussions to complete UNESCO's project, "
                "and to promote it and mobilise resources to carry it out."
            ),
        ],
    },
]


# Demo values: an administrator replaces them under Settings › Publisher details.
PUBLISHER = {
    "name_vi": "Ban biên tập Cổng thông tin Hà Nội – Thành phố sáng tạo",
    "name_en": "Editorial board, Hanoi Creative City portal",
    "address_vi": "Quận Hoàn Kiếm, Hà Nội, Việt Nam",
    "address_en": "Hoan Kiem district, Hanoi, Viet Nam",
    "email": "bientap@example.vn",
    "licence_vi": "Dữ liệu mẫu: số giấy phép và người chịu trách nhiệm nội dung do quản trị viên điền trong Cài đặt.",
    "licence_en": (
        "Demo data: the licence number and the person responsible for the content are filled in "
        "by an administrator under Settings."
    ),
}
