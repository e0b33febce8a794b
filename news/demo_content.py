"""The newsroom's demo content: the two seed articles in full, the headlines and leads of the
seed page's "Nên xem" and "Tin khác" lists and its inline related links, and a few short
articles on the programme's own facts. English follows the project's glossary of terms.

Dates come from the articles' text (Asia/Ho_Chi_Minh time); where the text names no day, the
article sits beside the others of its list.
"""

from hanoi_creative.core.demo_content import heading, p

INDEX = {
    "title_vi": "Tin tức",
    "title_en": "News",
    "slug_vi": "tin-tuc",
    "slug_en": "news",
    "intro_vi": "Tin tức về Hà Nội – Thành phố sáng tạo trong lĩnh vực Thiết kế và đời sống Thủ đô.",
    "intro_en": "News about Hanoi, Creative City of Design, and life in the Capital.",
}

CATEGORIES = [
    {
        "key": "transport",
        "name_vi": "Đi lại",
        "name_en": "Transport",
        "slug_en": "transport",
        "description_vi": "Giao thông, hạ tầng và đi lại trong Thủ đô.",
        "description_en": "Traffic, infrastructure and getting around the Capital.",
    },
    {
        "key": "urban",
        "name_vi": "Đô thị",
        "name_en": "Urban life",
        "slug_en": "urban-life",
        "description_vi": "Quy hoạch, chính quyền và đời sống đô thị Hà Nội.",
        "description_en": "Planning, local government and city life in Hanoi.",
    },
    {
        "key": "entertainment",
        "name_vi": "Giải trí",
        "name_en": "Entertainment",
        "slug_en": "entertainment",
        "description_vi": "Nghệ thuật, sự kiện và trải nghiệm ở Hà Nội.",
        "description_en": "Arts, events and things to do in Hanoi.",
    },
    {
        "key": "business",
        "name_vi": "Kinh doanh",
        "name_en": "Business",
        "slug_en": "business",
        "description_vi": "Kinh tế, tài chính và thị trường.",
        "description_en": "Economy, finance and markets.",
    },
    {
        "key": "culture",
        "name_vi": "Văn hóa",
        "name_en": "Culture",
        "slug_en": "culture",
        "description_vi": "Di sản, nghề thủ công và công nghiệp văn hóa.",
        "description_en": "Heritage, crafts and the cultural industries.",
    },
    {
        "key": "creative-city",
        "name_vi": "Thành phố sáng tạo",
        "name_en": "Creative City",
        "slug_en": "creative-city",
        "description_vi": "Hà Nội trong Mạng lưới các Thành phố sáng tạo của UNESCO.",
        "description_en": "Hanoi in the UNESCO Creative Cities Network (UCCN).",
    },
]

# People keep their names in English; only their role is translated.
AUTHORS = [
    {
        "key": "quang-hung",
        "name_vi": "Quang Hùng",
        "name_en": "Quang Hùng",
        "role_vi": "Phóng viên",
        "role_en": "Reporter",
    },
    {
        "key": "hoang-my",
        "name_vi": "Hoàng My",
        "name_en": "Hoàng My",
        "role_vi": "Phóng viên",
        "role_en": "Reporter",
    },
    {
        "key": "desk",
        "name_vi": "Ban biên tập",
        "name_en": "Editorial desk",
        "role_vi": "Biên tập viên",
        "role_en": "Editor",
    },
]

TAGS = {
    "unesco": ("UNESCO", "UNESCO"),
    "creative-city": ("Thành phố sáng tạo", "Creative City"),
    "cultural-industries": ("Công nghiệp văn hóa", "Cultural industries"),
    "heritage": ("Di sản", "Heritage"),
    "planning": ("Quy hoạch", "Urban planning"),
    "tay-ho": ("Tây Hồ", "Tay Ho"),
    "bac-tu-liem": ("Bắc Từ Liêm", "Bac Tu Liem"),
    "thanh-xuan": ("Thanh Xuân", "Thanh Xuan"),
    "peoples-council": ("HĐND", "People's Council"),
    "fire-safety": ("Phòng cháy chữa cháy", "Fire safety"),
    "crafts": ("Nghề thủ công truyền thống", "Traditional crafts"),
    "capital-law": ("Luật Thủ đô", "Capital Law"),
    "gold": ("Giá vàng", "Gold prices"),
    "tax": ("Thuế", "Tax"),
    "land": ("Đất đai", "Land"),
    "tet": ("Tết", "Tet"),
    "exhibitions": ("Triển lãm", "Exhibitions"),
    "infrastructure": ("Hạ tầng", "Infrastructure"),
}

# Illustrations drawn at load time (news/demo_images.py); alt text in both languages.
IMAGES = {
    "transport": (
        "Đường phố và làn xe",
        "Hình minh họa những làn đường uốn lượn với vạch kẻ màu vàng",
        "Illustration of winding road lanes with yellow markings",
    ),
    "urban": (
        "Phố phường Hà Nội",
        "Hình minh họa dãy nhà phố nhiều màu dưới bầu trời xanh",
        "Illustration of a row of colourful tube houses under a blue sky",
    ),
    "entertainment": (
        "Sân khấu",
        "Hình minh họa sân khấu với các chùm đèn chiếu màu vàng và đỏ",
        "Illustration of a stage lit by gold and red spotlights",
    ),
    "business": (
        "Biểu đồ",
        "Hình minh họa biểu đồ cột tăng dần và đường xu hướng",
        "Illustration of a rising bar chart with a trend line",
    ),
    "culture": (
        "Đèn lồng",
        "Hình minh họa những chiếc đèn lồng đỏ và vàng treo trên dây",
        "Illustration of red and gold lanterns hanging on strings",
    ),
    "meeting": (
        "Buổi tiếp",
        "Hình minh họa hai người ngồi đối diện ở bàn tiếp khách, phía sau là cờ hoa",
        "Illustration of two people seated facing each other at a reception table, flowers behind them",
    ),
}
IMAGE_CREDIT = ("Đồ họa: Cổng thông tin Hà Nội sáng tạo", "Graphic: Hanoi Creative City portal")


def link(key, text):
    """Rich-text link to another demo article; ``key`` becomes its page id at load time."""
    return f'<a linktype="page" id="{{{key}}}">{text}</a>'


SEED_NETWORK = {
    "key": "network",
    "category": "creative-city",
    "date": "2019-11-01 09:00",
    "authors": ["quang-hung"],
    "tags": ["unesco", "creative-city", "cultural-industries", "heritage"],
    "image": ("core", "designation"),
    "must_see": True,
    "title_vi": "Hà Nội tham gia mạng lưới các Thành phố sáng tạo của UNESCO",
    "title_en": "Hanoi joins the UNESCO Creative Cities Network",
    "lead_vi": (
        "Tính đến tháng 6/2019, mạng lưới có tổng số 180 Thành phố trên thế giới thuộc 72 quốc gia thành "
        "viên của UNESCO được công nhận đạt tiêu chí của mạng lưới này."
    ),
    "lead_en": (
        "As of June 2019, the network had 180 cities in 72 UNESCO member states recognised as meeting "
        "its criteria."
    ),
    "body_vi": [
        p(
            "Mạng lưới các Thành phố sáng tạo của UNESCO được thành lập năm 2004, với mục tiêu tăng cường hợp tác "
            "giữa các Thành phố đã được công nhận sáng tạo, coi đây là một yếu tố chiến lược phục vụ phát triển bền "
            "vững trên các lĩnh vực kinh tế, xã hội, văn hóa và môi trường."
        ),
        p(
            "Các thành phố của mạng lưới đến từ tất cả các châu lục và khu vực có mức thu nhập và dân số khác nhau, "
            "cùng nhau hướng tới một sứ mệnh chung, đặt sự sáng tạo và nền kinh tế sáng tạo làm cốt lõi trong việc "
            "phát triển đô thị để tiến tới các thành phố an toàn, hội nhập và phát triển bền vững, thực hiện mục tiêu "
            "chương trình nghị sự 2030 của Liên hiệp quốc về Phát triển bền vững."
        ),
        heading("Hà Nội chính thức trở thành thành viên mạng lưới các Thành phố sáng tạo của UNESCO"),
        p(
            "Hà Nội là “trung tâm chính trị - hành chính quốc gia, trung tâm lớn về văn hóa, khoa học, giáo dục, kinh "
            "tế và giao dịch quốc tế” - nơi hội tụ đầy đủ các yếu tố lịch sử, văn hóa với nhiều di sản văn hóa vật "
            "thể, phi vật thể của quốc tế và quốc gia, với hàng trăm làng nghề truyền thống... Hà Nội cũng là nơi tập "
            "trung nhân tài, trí tuệ của cả nước với hệ thống các trung tâm nghiên cứu, học viện, trường đại học, cao "
            "đẳng… rất thuận lợi cho việc tiếp nhận, phổ biến tri thức, công nghệ mới - những nhân tố quan trọng cho "
            "sự phát triển của công nghiệp văn hóa, công nghiệp sáng tạo."
        ),
        p(
            "Tham gia mạng lưới các Thành phố sáng tạo của UNESCO là cơ hội thuận lợi cho Hà Nội trong việc định vị "
            "thương hiệu, quảng bá hình ảnh trong tất cả các lĩnh vực sáng tạo văn hóa."
        ),
        p(
            "Tham gia mạng lưới các Thành phố sáng tạo của UNESCO là bước đi đầu tiên nhưng có ý nghĩa quan trọng cho "
            "mục tiêu nâng cao vị thế và tạo dựng hình ảnh mới, hấp dẫn hơn cho Hà Nội."
        ),
        p(
            "Để thực hiện cam kết, Hà Nội sẽ cụ thể hóa bằng chương trình hành động dài hạn về tầm nhìn và kết nối các "
            "chính sách của Thành phố nhằm thúc đẩy các ngành công nghiệp văn hóa nói riêng và làm giàu nguồn lực văn "
            "hóa, sức mạnh mềm của Hà Nội nói chung. Bên cạnh đó, Hà Nội sẽ tạo tiền đề thúc đẩy các Thành phố khác "
            "của Việt Nam tham gia mạng lưới Thành phố sáng tạo, đóng góp tích cực vào sự phát triển chung của mạng "
            "lưới, khẳng định vị trí và tầm vóc Thủ đô sáng tạo của nước Việt Nam ở khu vực Đông Nam Á và thế giới."
        ),
    ],
    "body_en": [
        p(
            "The UNESCO Creative Cities Network was created in 2004 to strengthen cooperation among cities recognised "
            "as creative, treating creativity as a strategic factor for sustainable development in economic, social, "
            "cultural and environmental terms."
        ),
        p(
            "The network's cities come from every continent and region, with different levels of income and "
            "population, and share a common mission: to place creativity and the creative economy at the heart of "
            "urban development, building safe, inclusive and sustainable cities and pursuing the goals of the UN "
            "2030 Agenda for Sustainable Development."
        ),
        heading("Hanoi officially becomes a member of the UNESCO Creative Cities Network"),
        p(
            "Hanoi is “the national political and administrative centre, a major centre of culture, science, "
            "education, economy and international trade”, a place where history and culture meet, with many "
            "international and national tangible and intangible cultural heritage sites and hundreds of traditional "
            "craft villages… Hanoi also gathers the country's talent and expertise, with research centres, academies, "
            "universities and colleges… which makes it well placed to receive and spread knowledge and new "
            "technology, key factors for the development of the cultural industries and creative industries."
        ),
        p(
            "Joining the UNESCO Creative Cities Network is an opportunity for Hanoi to position its brand and promote "
            "its image in every field of cultural creativity."
        ),
        p(
            "Joining the UNESCO Creative Cities Network is a first step, but an important one, towards raising "
            "Hanoi's standing and giving the city a new and more attractive image."
        ),
        p(
            "To honour its commitment, Hanoi will set out a long-term action programme with a vision that links the "
            "city's policies, to promote the cultural industries in particular and to enrich Hanoi's cultural "
            "resources and soft power in general. Hanoi will also pave the way for other Vietnamese cities to join "
            "the Creative Cities Network, contribute actively to the network's development, and affirm the place and "
            "stature of Viet Nam's creative Capital in South-East Asia and the world."
        ),
    ],
}

SEED_CAPITAL = {
    "key": "creative-capital",
    "category": "creative-city",
    "date": "2020-09-09 14:30",
    "authors": ["hoang-my"],
    "tags": ["unesco", "creative-city", "heritage", "planning"],
    "image": ("core", "pillars"),
    "must_see": True,
    "title_vi": "Xây dựng Hà Nội thành “kinh đô sáng tạo” của khu vực Đông Nam Á và châu Á",
    "title_en": "Building Hanoi into a “creative capital” of South-East Asia and Asia",
    "hero_caption_vi": "Ba trụ cột của Đề án: giáo dục, đô thị hóa, văn hóa và sức mạnh mềm",
    "hero_caption_en": "The project's three pillars: education, urbanisation, and culture and soft power",
    "lead_vi": (
        "(LĐTĐ) Bằng việc ghi danh Hà Nội vào mạng lưới các thành phố sáng tạo, UNESCO mong muốn sẽ thúc đẩy hơn "
        "các giá trị này, với mục tiêu xây dựng Hà Nội từ thành phố sáng tạo trở thành trung tâm sáng tạo, “kinh "
        "đô sáng tạo” của khu vực Đông Nam Á và châu Á, dựa trên nền tảng các giá trị di sản, văn hóa, hòa bình; từ "
        "đó xây dựng hình ảnh Hà Nội của thế kỷ 21 năng động, sáng tạo, thành phố đáng sống…"
    ),
    "lead_en": (
        "By designating Hanoi in the Creative Cities Network, UNESCO hopes to further promote these values, "
        "with the aim of turning Hanoi from a Creative City into a creative hub, a “creative capital” of "
        "South-East Asia and Asia, built on its heritage, culture and peace; and from there to build the image of "
        "a dynamic, creative, liveable Hanoi of the 21st century…"
    ),
    "body_vi": [
        {
            "type": "paragraph",
            "value": (
                "<ul>"
                f"<li>{link('au-co', 'Đẩy nhanh tiến độ đầu tư xây dựng đồng bộ tuyến đường Âu Cơ')}</li>"
                f"<li>{link('planning', 'Quy hoạch là nhiệm vụ quan trọng, cấp bách để phát triển Thủ đô')}</li>"
                f"<li>{link('plenum', 'Phát biểu kết luận của đồng chí Vương Đình Huệ tại Hội nghị lần thứ 25 Ban Chấp hành Đảng bộ thành phố Hà Nội')}</li>"
                "</ul>"
            ),
        },
        p(
            "Chiều 9/9, ông Vương Đình Huệ, Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội, tiếp ông Michael Croft, "
            "Trưởng đại diện Tổ chức UNESCO tại Việt Nam."
        ),
        p(
            "Vui mừng đón tiếp ông Michael Croft, Bí thư Thành ủy Hà Nội đánh giá cao những hoạt động của UNESCO tại "
            "Hà Nội cũng như Việt Nam. Trong đó, Hà Nội vinh dự được UNESCO vinh danh là Thành phố Vì hòa bình và mới "
            "đây được ghi danh vào mạng lưới các Thành phố sáng tạo."
        ),
        p(
            "“Đây là sự ghi nhận đối với những giá trị văn hóa, sáng tạo của Hà Nội, là động lực để Thành phố phát "
            "triển nhanh hơn, bền vững hơn trong thời gian tới”, ông Vương Đình Huệ nhấn mạnh."
        ),
        {
            "type": "gallery",
            "value": {
                "title": "",
                "photos": [
                    {
                        "image": "{image:meeting}",
                        "caption": "Bí thư Thành ủy Hà Nội Vương Đình Huệ tiếp Trưởng đại diện Tổ chức UNESCO tại Việt Nam "
                        "Michael Croft",
                        "credit": "",
                    }
                ],
            },
        },
        p(
            "Trân trọng cảm ơn Bí thư Thành ủy Vương Đình Huệ tiếp và làm việc, Trưởng đại diện Tổ chức UNESCO tại "
            "Việt Nam chúc mừng những kết quả trong công tác phòng, chống dịch Covid-19 của Việt Nam cũng như thành "
            "phố Hà Nội."
        ),
        p(
            "Ông Michael Croft chia sẻ, trong quá trình phát triển, Hà Nội đặc biệt coi trọng và phát huy giá trị các "
            "di sản văn hóa. Chính vì thế, bằng việc ghi danh Hà Nội vào mạng lưới các thành phố sáng tạo, UNESCO mong "
            "muốn sẽ thúc đẩy hơn các giá trị này, với mục tiêu xây dựng Hà Nội từ thành phố sáng tạo trở thành trung "
            "tâm sáng tạo, “kinh đô sáng tạo” của khu vực Đông Nam Á và châu Á, dựa trên nền tảng các giá trị di sản, "
            "văn hóa, hòa bình; từ đó xây dựng hình ảnh Hà Nội của thế kỷ 21 năng động, sáng tạo, thành phố đáng "
            "sống…"
        ),
        p(
            "Để hiện thực hóa mục tiêu trên, UNESCO đang xây dựng Đề án với 3 trụ cột chính là giáo dục, đô thị hóa, "
            "văn hóa và sức mạnh mềm. Hiện tại, Đề án của UNESCO đã nhận được sự quan tâm của một số đối tác, trong đó "
            "có các đối tác tại Việt Nam. Ông Michael Croft nhấn mạnh, điểm quan trọng là thông qua Đề án này, UNESCO "
            "sẽ hỗ trợ Hà Nội kết nối với các thành phố trên thế giới cũng như các đối tác quốc tế, những người quan "
            "tâm và mong muốn Hà Nội phát triển."
        ),
        p(
            "Đánh giá cao dự thảo Đề án mà UNESCO đang xây dựng, ông Vương Đình Huệ cho rằng, đây là Đề án công phu và "
            "phù hợp với định hướng chiến lược phát triển của Hà Nội đến năm 2030, tầm nhìn đến năm 2045 và thể hiện "
            "sự quan tâm của UNESCO cũng như cá nhân ngài Trưởng đại diện Michael Croft."
        ),
        p(
            "Ông Vương Đình Huệ chia sẻ, trong dự thảo văn kiện Đại hội XVII Đảng bộ Thành phố sắp tới, Hà Nội đặt mục "
            "tiêu đến năm 2030 là Thành phố xanh, thông minh và hiện đại; đến năm 2045 là Thành phố đáng sống, Thủ đô "
            "của đất nước có thu nhập cao..."
        ),
        p(
            "Điểm nổi bật trong chiến lược phát triển này, Hà Nội coi trọng phát huy các giá trị nghìn năm văn hiến, "
            "Thủ đô anh hùng, Thành phố Vì hòa bình, cùng với nguồn lực con người để trở thành nguồn lực nội sinh quan "
            "trọng."
        ),
        p(
            "Bí thư Thành ủy Hà Nội cho rằng, tới đây Hà Nội sẽ phối hợp với UNESCO để tổ chức hội thảo hoặc tọa đàm "
            "nhằm hoàn thiện Đề án của UNESCO cũng như quảng bá, huy động nguồn lực để hiện thực hóa Đề án."
        ),
        p(
            "Ông Vương Đình Huệ cũng thông tin, Hà Nội đang xúc tiến xây dựng mạng lưới sáng kiến Thủ đô, với mục "
            "tiêu quy tụ những chuyên gia, nhà khoa học, những người yêu Hà Nội đóng góp những ý tưởng, sáng kiến để "
            "xây dựng, phát triển Thủ đô."
        ),
    ],
    "body_en": [
        {
            "type": "paragraph",
            "value": (
                "<ul>"
                f"<li>{link('au-co', 'Speeding up the full construction of Au Co road')}</li>"
                f"<li>{link('planning', 'Planning is an important and urgent task for the development of the Capital')}</li>"
                f"<li>{link('plenum', 'Closing speech by Vuong Dinh Hue at the 25th plenum of the Hanoi Party Committee')}</li>"
                "</ul>"
            ),
        },
        p(
            "On the afternoon of 9 September, Vuong Dinh Hue, member of the Politburo and Secretary of the Hanoi Party "
            "Committee, received Michael Croft, Head of the UNESCO Office in Viet Nam."
        ),
        p(
            "Welcoming Michael Croft, the Secretary of the Hanoi Party Committee praised UNESCO's work in Hanoi and in "
            "Viet Nam. Hanoi has been honoured by UNESCO as a City for Peace and was recently designated a member of "
            "the Creative Cities Network."
        ),
        p(
            "“This recognises Hanoi's cultural and creative values, and drives the city to develop faster and more "
            "sustainably in the time ahead,” Vuong Dinh Hue stressed."
        ),
        {
            "type": "gallery",
            "value": {
                "title": "",
                "photos": [
                    {
                        "image": "{image:meeting}",
                        "caption": "Vuong Dinh Hue, Secretary of the Hanoi Party Committee, receives Michael Croft, Head of the "
                        "UNESCO Office in Viet Nam",
                        "credit": "",
                    }
                ],
            },
        },
        p(
            "Thanking the Secretary of the Hanoi Party Committee for the meeting, the Head of the UNESCO Office in "
            "Viet Nam congratulated Viet Nam and Hanoi on their results in preventing and controlling the Covid-19 "
            "epidemic."
        ),
        p(
            "Michael Croft said that, as it developed, Hanoi had given particular weight to its cultural heritage and "
            "to making the most of it. That is why, by designating Hanoi in the Creative Cities Network, UNESCO hopes "
            "to further promote these values, with the aim of turning Hanoi from a Creative City into a creative hub, "
            "a “creative capital” of South-East Asia and Asia, built on its heritage, culture and peace; and from "
            "there to build the image of a dynamic, creative, liveable Hanoi of the 21st century…"
        ),
        p(
            "To achieve this goal, UNESCO is drawing up a project with three main pillars: education, urbanisation, "
            "and culture and soft power. The project has already attracted the interest of several partners, "
            "including partners in Viet Nam. Michael Croft stressed that, importantly, through this project UNESCO "
            "will help Hanoi connect with cities around the world and with international partners who care about "
            "Hanoi and want it to thrive."
        ),
        p(
            "Praising the draft project UNESCO is preparing, Vuong Dinh Hue said it was a thorough piece of work, in "
            "line with Hanoi's strategic development direction to 2030 with a vision to 2045, and that it showed the "
            "attention of UNESCO and of its Head of Office, Michael Croft, personally."
        ),
        p(
            "Vuong Dinh Hue said that in the draft documents of the coming 17th Congress of the city's Party "
            "Organisation, Hanoi sets the goal of becoming a green, smart and modern city by 2030, and by 2045 a "
            "liveable city, a high-income Capital of the country…"
        ),
        p(
            "A highlight of this development strategy is that Hanoi values its thousand-year civilisation, its "
            "heritage as a heroic Capital and a City for Peace, together with its people, as an important internal "
            "source of strength."
        ),
        p(
            "The Secretary of the Hanoi Party Committee said that Hanoi would soon work with UNESCO to hold a "
            "conference or seminar to refine UNESCO's project, and to promote it and mobilise resources to carry "
            "it out."
        ),
        p(
            "Vuong Dinh Hue also said that Hanoi is setting up a Capital initiatives network, to bring together "
            "experts, scientists and people who love Hanoi to contribute ideas and initiatives for building and "
            "developing the Capital."
        ),
    ],
}


def headline(key, category, date, title_vi, title_en, lead_vi, lead_en, tags=(), must_see=False):
    """A listed article: headline and lead only, the lead being its opening paragraph."""
    return {
        "key": key,
        "category": category,
        "date": date,
        "authors": ["desk"],
        "tags": list(tags),
        "image": ("news", category if category != "creative-city" else "culture"),
        "must_see": must_see,
        "title_vi": title_vi,
        "title_en": title_en,
        "lead_vi": lead_vi,
        "lead_en": lead_en,
    }


ARTICLES = [
    # The seed article's inline related links: created first so its body can link to them.
    headline(
        "au-co",
        "transport",
        "2020-09-08 10:00",
        "Đẩy nhanh tiến độ đầu tư xây dựng đồng bộ tuyến đường Âu Cơ",
        "Speeding up the full construction of Au Co road",
        "(LĐTĐ) Hà Nội đẩy nhanh tiến độ đầu tư xây dựng đồng bộ tuyến đường Âu Cơ (quận Tây Hồ), hoàn thiện hạ "
        "tầng giao thông khu vực ven hồ Tây.",
        "Hanoi is speeding up the full construction of Au Co road (Tay Ho district), completing the "
        "transport infrastructure around West Lake.",
        tags=["tay-ho", "infrastructure", "planning"],
    ),
    headline(
        "planning",
        "urban",
        "2020-09-07 16:00",
        "Quy hoạch là nhiệm vụ quan trọng, cấp bách để phát triển Thủ đô",
        "Planning is an important and urgent task for the development of the Capital",
        "(LĐTĐ) Công tác quy hoạch được xác định là nhiệm vụ quan trọng, cấp bách, làm cơ sở để phát triển Thủ đô "
        "nhanh và bền vững.",
        "Planning has been identified as an important and urgent task, the basis for the Capital to "
        "develop quickly and sustainably.",
        tags=["planning", "infrastructure"],
    ),
    headline(
        "plenum",
        "urban",
        "2020-09-05 11:00",
        "Phát biểu kết luận của đồng chí Vương Đình Huệ tại Hội nghị lần thứ 25 Ban Chấp hành Đảng bộ thành phố "
        "Hà Nội",
        "Closing speech by Vuong Dinh Hue at the 25th plenum of the Hanoi Party Committee",
        "(LĐTĐ) Phát biểu kết luận của đồng chí Vương Đình Huệ, Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội tại "
        "Hội nghị lần thứ 25 Ban Chấp hành Đảng bộ thành phố Hà Nội.",
        "The closing speech of Vuong Dinh Hue, member of the Politburo and Secretary of the Hanoi Party "
        "Committee, at the 25th plenum of the Hanoi Party Committee.",
        tags=["planning"],
    ),
    SEED_NETWORK,
    SEED_CAPITAL,
    # "Nên xem" (Must see)
    headline(
        "tay-ho-shines",
        "entertainment",
        "2024-12-22 21:30",
        "Đặc sắc chương trình nghệ thuật “Tây Hồ toả sáng”",
        "A remarkable “Tay Ho Shines” art performance",
        "(LĐTĐ) Tối ngày 22/12, tại Không gian Văn hóa sáng tạo quận Tây Hồ, Trung tâm Văn hóa Thông tin và Thể "
        "thao quận phối hợp với Ủy ban nhân dân (UBND) phường Yên Phụ tổ chức chương trình nghệ thuật “Tây Hồ tỏa "
        "sáng”, với sự tham gia, cổ vũ của đông đảo nhân dân và du khách.",
        "On the evening of 22 December, at the Tay Ho District Creative Cultural Space, the district's "
        "Centre for Culture, Information and Sports and the People's Committee of Yen Phu ward staged the art "
        "programme “Tay Ho Shines”, watched and cheered by many residents and visitors.",
        tags=["tay-ho", "creative-city"],
        must_see=True,
    ),
    headline(
        "thanh-tri-loans",
        "business",
        "2024-12-21 10:00",
        "Thanh Trì: Triển khai cho vay ưu đãi gần 700 triệu đồng tháng 12",
        "Thanh Tri: nearly 700 million dong in preferential loans in December",
        "(LĐTĐ) Vừa qua, Liên đoàn Lao động huyện Thanh Trì phối hợp với Quỹ trợ vốn công nhân, viên chức nghèo "
        "Thủ đô (Quỹ trợ vốn) triển khai chương trình cho vay ưu đãi, giải ngân vốn vay tháng 12/2024 cho 17 đoàn "
        "viên công đoàn.",
        "The Labour Federation of Thanh Tri district, together with the Capital's loan fund for poor workers "
        "and public employees, recently ran a preferential loan programme, paying out December 2024 loans to 17 "
        "trade union members.",
        must_see=True,
    ),
    headline(
        "tax-revenue",
        "business",
        "2024-12-22 15:00",
        "Lần đầu tiên ngành Thuế thu đạt 1,7 triệu tỷ đồng",
        "Tax revenue reaches 1.7 quadrillion dong for the first time",
        "(LĐTĐ) Vượt qua nhiều khó khăn, thách thức, cơ quan thuế triển khai đồng bộ, hiệu quả các giải pháp quản "
        "lý thu, công tác thuế năm 2024 đưa toàn ngành về đích với tổng số thu ước đạt 1.732.000 tỷ đồng.",
        "Overcoming many difficulties and challenges, the tax authorities applied their revenue measures "
        "consistently and effectively, bringing the whole sector to its 2024 goal with total revenue estimated at "
        "1,732,000 billion dong.",
        tags=["tax"],
        must_see=True,
    ),
    headline(
        "capital-law",
        "culture",
        "2024-12-22 09:00",
        "Luật Thủ đô 2024: Cơ hội để Hà Nội phát triển thương mại văn hóa",
        "Capital Law 2024: an opportunity for Hanoi to develop cultural commerce",
        "(LĐTĐ) Việc sửa đổi Luật Thủ đô đã mang lại những điều chỉnh quan trọng, đặc biệt là trong lĩnh vực phát "
        "triển văn hóa, nhằm bảo đảm Hà Nội tiếp tục phát huy vai trò trung tâm văn hóa của cả nước.",
        "The amended Capital Law brings important changes, especially for cultural development, so that "
        "Hanoi continues to play its role as the country's cultural centre.",
        tags=["capital-law", "cultural-industries"],
        must_see=True,
    ),
    headline(
        "thien-quang",
        "culture",
        "2024-12-21 16:00",
        "Triển lãm “Thiên Quang”: Tôn vinh nghề thủ công truyền thống",
        "“Thien Quang” exhibition honours traditional crafts",
        "(LĐTĐ) Triển lãm “Thiên Quang” khai thác câu chuyện về ánh sáng thiêng liêng của Trời và Đất soi chiếu "
        "Thăng Long - nơi hội tụ văn hóa, lịch sử và tinh hoa nghề thủ công truyền thống.",
        "The “Thien Quang” exhibition tells the story of the sacred light of Heaven and Earth shining on "
        "Thang Long, where culture, history and the finest traditional crafts come together.",
        tags=["crafts", "exhibitions", "heritage"],
        must_see=True,
    ),
    headline(
        "cocktail-sausages",
        "entertainment",
        "2024-12-22 11:00",
        "Ăn thử xúc xích Cocktail của TH true FOOD: Tên nghe “wow”, còn hương vị thì sao?",
        "Tasting TH true FOOD's Cocktail sausages: the name says “wow”, but what about the taste?",
        "(LĐTĐ) Là người có thói quen trung thành với các sản phẩm đã mua cả trăm lần, tôi vẫn quyết định phá lệ "
        "một lần, ăn thử xúc xích Cocktail của TH true FOOD, để xem hương vị có gây bất ngờ như cái tên hay không.",
        "As someone who sticks to products I have bought a hundred times, I still decided to break the "
        "habit once and try TH true FOOD's Cocktail sausages, to see whether the taste is as surprising as the "
        "name.",
        must_see=True,
    ),
    headline(
        "gold-prices",
        "business",
        "2024-12-23 08:00",
        "Cập nhật giá vàng, tỷ giá sáng 23/12: Vàng nhẫn diễn biến lạ, tỷ giá USD tăng “nóng”",
        "Gold prices and exchange rates on the morning of 23 December: ring gold moves oddly, the US dollar "
        "rises sharply",
        "(LĐTĐ) Giá vàng nhẫn sau một tuần biến động có giá bán ra bằng vàng miếng SJC, tuy nhiên giá mua vào vàng "
        "nhẫn cao hơn vàng miếng. Dù có nhiều nhận định tích cực, một số chuyên gia cho rằng giá vàng vẫn có khả "
        "năng giảm nhẹ trong ngắn hạn. Thị trường cũng ghi nhận tỷ giá USD tiếp tục tăng “nóng”.",
        "After a week of swings, ring gold sells at the same price as SJC gold bars, but its buying price "
        "is higher than that of the bars. Despite many positive forecasts, some experts believe gold may still "
        "dip slightly in the short term. The market also saw the US dollar exchange rate keep rising sharply.",
        tags=["gold"],
        must_see=True,
    ),
    # "Tin khác" (Other news); the two it shares with "Nên xem" are above.
    headline(
        "early-tet",
        "culture",
        "2024-12-22 17:00",
        "Tết sớm trên phố: Đã thấp thoáng đào, quất",
        "Early Tet on the streets: peach blossom and kumquat trees appear",
        "(LĐTĐ) Còn hơn một tháng nữa là đến Tết Nguyên đán Ất Tỵ 2025, trên khắp các tuyến phố Hà Nội đã thấp "
        "thoáng sắc đào, quất - những biểu tượng quen thuộc của mùa Xuân đang về.",
        "With more than a month to go before the Lunar New Year of At Ty 2025, peach blossom and kumquat "
        "trees, familiar symbols of the coming spring, are already appearing on streets all over Hanoi.",
        tags=["tet", "heritage"],
    ),
    headline(
        "hai-ba-trung",
        "urban",
        "2024-12-21 14:00",
        "Quận Hai Bà Trưng: Sẵn sàng vận hành các đơn vị hành chính mới",
        "Hai Ba Trung district ready to run its new administrative units",
        "(LĐTĐ) Vừa bảo đảm hoàn thành tốt nhất các nhiệm vụ năm 2024, quận Hai Bà Trưng (Hà Nội) cũng đang khẩn "
        "trương hoàn tất các khâu cuối cùng sắp xếp các đơn vị hành chính mới, sẵn sàng vận hành từ ngày 1/1/2025. "
        "Theo đánh giá, sau sắp xếp, tinh gọn bộ máy, công tác quản lý cũng như dư địa phát triển trên địa bàn sẽ "
        "được thực hiện hiệu quả hơn.",
        "While completing its tasks for 2024, Hai Ba Trung district (Hanoi) is hurrying through the last "
        "steps of reorganising its administrative units, ready to run them from 1 January 2025. After the "
        "reorganisation and streamlining, management and the room for development in the district are expected to "
        "be more effective.",
        tags=["planning"],
    ),
    headline(
        "defence-expo",
        "entertainment",
        "2024-12-20 19:00",
        "Nhiều trải nghiệm thực tế thú vị tại Triển lãm Quốc phòng Quốc tế Việt Nam 2024",
        "Many hands-on experiences at the Viet Nam International Defence Expo 2024",
        "(LĐTĐ) Ngày 20/12, Triển lãm Quốc phòng Quốc tế Việt Nam 2024 (diễn ra tại quận Long Biên, TP.Hà Nội) đã "
        "mở cửa cho người dân và du khách tham quan miễn phí. Triển lãm không chỉ giới thiệu những trang thiết bị, "
        "vũ khí hiện đại của Quân đội nhân dân Việt Nam và quốc tế, mà còn lồng ghép nhiều hoạt động trải nghiệm "
        "thực tế khác, thu hút đông đảo công chúng tham gia.",
        "On 20 December, the Viet Nam International Defence Expo 2024 (in Long Bien district, Hanoi) opened "
        "to residents and visitors free of charge. Besides showing modern equipment and weapons of the Viet Nam "
        "People's Army and other countries, it offered many hands-on activities that drew large crowds.",
        tags=["exhibitions"],
    ),
    headline(
        "royal-city-drill",
        "urban",
        "2024-12-19 15:00",
        "Quận Thanh Xuân diễn tập chữa cháy tại Khu đô thị Royal City",
        "Thanh Xuan district holds a fire drill at the Royal City urban area",
        "(LĐTĐ) Tại buổi diễn tập, các lực lượng đã diễn tập giả định tình huống xảy ra cháy tại ki-ốt bán hàng tại "
        "tầng 1 tòa nhà R2. Nguyên nhân cháy là do quạt điện trong cơ sở gặp sự cố phát sinh tia lửa điện bắn vào "
        "các vật dụng dễ cháy có trong ki-ốt và gây cháy.",
        "In the drill, the forces simulated a fire in a kiosk on the ground floor of building R2. In the "
        "scenario, an electric fan in the shop failed and sent sparks onto flammable goods in the kiosk, setting "
        "it alight.",
        tags=["thanh-xuan", "fire-safety"],
    ),
    headline(
        "land-prices",
        "business",
        "2024-12-20 10:00",
        "Hà Nội điều chỉnh bảng giá đất, nơi cao nhất gần 700 triệu đồng/m2",
        "Hanoi adjusts its land price table, with the highest price near 700 million dong per square metre",
        "(LĐTĐ) Vừa qua, Ủy ban nhân dân (UBND) thành phố Hà Nội ban hành Quyết định số 71/2024/QĐ-UBND về việc sửa "
        "đổi, bổ sung một số nội dung tại Quyết định số 30/2019/QĐ-UBND ngày 31/12/2019. Đây là văn bản quan trọng "
        "trong việc quy định và điều chỉnh bảng giá các loại đất trên địa bàn thành phố.",
        "The People's Committee of Hanoi recently issued Decision No. 71/2024/QĐ-UBND, amending and "
        "supplementing parts of Decision No. 30/2019/QĐ-UBND of 31 December 2019. It is an important document that "
        "sets and adjusts the price table for every type of land in the city.",
        tags=["land", "planning"],
    ),
    headline(
        "bac-tu-liem-session",
        "urban",
        "2024-12-20 17:00",
        "Quận Bắc Từ Liêm thông qua một số nghị quyết quan trọng về phát triển kinh tế - xã hội năm 2025",
        "Bac Tu Liem district adopts key resolutions on socio-economic development in 2025",
        "(LĐTĐ) Chiều 20/12, Hội đồng nhân dân (HĐND) quận Bắc Từ Liêm khoá III, nhiệm kỳ 2021-2026 khai mạc kỳ họp "
        "thứ 19 để thực hiện các nội dung quan trọng thuộc thẩm quyền.",
        "On the afternoon of 20 December, the People's Council of Bac Tu Liem district (third term, "
        "2021-2026) opened its 19th session to decide important matters within its remit.",
        tags=["bac-tu-liem", "peoples-council"],
    ),
    headline(
        "voters-site-clearance",
        "urban",
        "2024-12-20 18:30",
        "Cử tri kiến nghị về chính sách hỗ trợ giải phóng mặt bằng",
        "Voters raise concerns about support for site clearance",
        "(LĐTĐ) Chiều 20/12, Tổ đại biểu Hội đồng nhân dân (HĐND) thành phố Hà Nội (Đơn vị bầu cử số 7) và HĐND "
        "quận Thanh Xuân đã tiếp xúc cử tri báo cáo kết quả Kỳ họp thứ 20 của HĐND Thành phố và Kỳ họp thứ 15 của "
        "HĐND quận.",
        "On the afternoon of 20 December, the group of Hanoi People's Council deputies (Constituency No. 7) "
        "and the People's Council of Thanh Xuan district met voters to report on the 20th session of the city's "
        "People's Council and the 15th session of the district's.",
        tags=["thanh-xuan", "peoples-council", "land"],
    ),
    headline(
        "cafe-fire",
        "urban",
        "2024-12-21 09:00",
        "Quận Bắc Từ Liêm tích cực khắc phục hậu quả vụ cháy quán cà phê trên đường Phạm Văn Đồng",
        "Bac Tu Liem district works to repair the damage of the café fire on Pham Van Dong street",
        "(LĐTĐ) Sau vụ cháy kinh hoàng xảy ra tại quán cà phê trên đường Phạm Văn Đồng, lãnh đạo quận Bắc Từ Liêm đã "
        "kịp thời thăm hỏi, quan tâm, động viên, hỗ trợ cả vật chất và tinh thần, giúp nạn nhân nhanh chóng ổn "
        "định cuộc sống.",
        "After the terrible fire at a café on Pham Van Dong street, the leaders of Bac Tu Liem district "
        "promptly visited, encouraged and supported the victims, both materially and morally, helping them get "
        "their lives back on track quickly.",
        tags=["bac-tu-liem", "fire-safety"],
    ),
    # The programme's own facts (GLOSSARY.md, "Facts the content may state").
    headline(
        "designation",
        "creative-city",
        "2019-10-31 20:00",
        "UNESCO công nhận Hà Nội là Thành phố sáng tạo trong lĩnh vực Thiết kế",
        "UNESCO designates Hanoi a Creative City of Design",
        "Nhân Ngày Thành phố Thế giới 31/10/2019, UNESCO công bố các thành phố mới gia nhập Mạng lưới các Thành phố "
        "sáng tạo của UNESCO, trong đó Hà Nội được ghi danh là Thành phố sáng tạo trong lĩnh vực Thiết kế.",
        "On World Cities Day, 31 October 2019, UNESCO announced the cities joining the UNESCO Creative Cities "
        "Network (UCCN), among them Hanoi, designated a Creative City of Design.",
        tags=["unesco", "creative-city"],
        must_see=True,
    ),
    headline(
        "craft-villages",
        "culture",
        "2019-11-05 10:00",
        "Làng nghề truyền thống – nguồn lực cho công nghiệp sáng tạo của Thủ đô",
        "Traditional craft villages: a resource for the Capital's creative industries",
        "Với hàng trăm làng nghề truyền thống và nhiều di sản văn hóa vật thể, phi vật thể, Hà Nội có nền tảng "
        "thuận lợi để phát triển công nghiệp văn hóa, công nghiệp sáng tạo.",
        "With hundreds of traditional craft villages and a wealth of tangible and intangible cultural heritage, "
        "Hanoi has a strong base for developing its cultural industries and creative industries.",
        tags=["crafts", "heritage", "cultural-industries", "creative-city"],
    ),
    headline(
        "three-pillars",
        "creative-city",
        "2020-09-10 09:00",
        "Ba trụ cột trong Đề án của UNESCO cho Hà Nội",
        "Three pillars in UNESCO's project for Hanoi",
        "Đề án UNESCO xây dựng cho Hà Nội dựa trên ba trụ cột: giáo dục, đô thị hóa, văn hóa và sức mạnh mềm.",
        "The project UNESCO is drawing up for Hanoi rests on three pillars: education, urbanisation, and culture "
        "and soft power.",
        tags=["unesco", "creative-city", "planning"],
    ),
    headline(
        "green-smart-city",
        "urban",
        "2020-09-11 09:00",
        "Hà Nội hướng tới Thành phố xanh, thông minh và hiện đại vào năm 2030",
        "Hanoi aims to be a green, smart and modern city by 2030",
        "Theo dự thảo văn kiện Đại hội XVII Đảng bộ Thành phố, Hà Nội đặt mục tiêu đến năm 2030 là Thành phố xanh, "
        "thông minh và hiện đại; đến năm 2045 là Thành phố đáng sống.",
        "According to the draft documents of the 17th Congress of the city's Party Organisation, Hanoi aims to be a "
        "green, smart and modern city by 2030, and a liveable city by 2045.",
        tags=["planning", "creative-city"],
    ),
]
