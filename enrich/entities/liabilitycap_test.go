package entities

import "testing"

// A cap written the other way round, the negation first ("In no event
// shall either party's aggregate liability exceed £5,000"), or with "is"
// ("liability is limited to", "is capped at"), is the liability cap: it
// was an amount without a role, and the register's cap column was empty.
func TestLiabilityCapPhrasings(t *testing.T) {
	const head = "SERVICES AGREEMENT\n\nThis Agreement is made on 1 March 2026 between Acme Corp. (\"Supplier\") and Beta LLC (\"Customer\").\n\n"
	for clause, value := range map[string]string{
		"7. In no event shall either party's aggregate liability exceed £5,000 under this Agreement.":        "GBP 5000",
		"7. Under no circumstances will Supplier's total liability under this Agreement exceed USD 250,000.": "USD 250000",
		"7. Neither party's liability arising out of this Agreement shall exceed EUR 100,000.":               "EUR 100000",
		"7. Supplier's total liability under this Agreement is limited to US$75,000.":                        "USD 75000",
		"7. Each party's aggregate liability is capped at USD 1,000,000.":                                    "USD 1000000",
	} {
		ents := Extract(head+clause+"\n", "en")
		if !withRole(ents, KindMoney, value, RoleLiabilityCap) {
			t.Errorf("%.50q: no %s liability cap: %+v", clause, value, ents)
		}
	}
	// an amount the liability is not capped at keeps no cap role
	ents := Extract(head+"7. Customer shall pay a late fee of USD 500 and Supplier's liability for late delivery is set out in Schedule 2.\n", "en")
	if withRole(ents, KindMoney, "USD 500", RoleLiabilityCap) {
		t.Errorf("a late fee read as the liability cap: %+v", ents)
	}
}

// A Chinese cap with another figure between the liability and the cap
// (累计赔偿责任不超过合同总价的百分之五十，且最高不超过人民币十万元) is the
// liability cap: the 合同总价 it names made it the contract's value.
func TestChineseCapAfterContractPrice(t *testing.T) {
	text := "技术服务合同\n\n甲方：北京云帆信息科技有限公司\n乙方：上海智联数据服务有限公司\n\n" +
		"第二条 合同总价为人民币贰拾万元整（¥200,000.00）。\n" +
		"第三条 乙方对本合同项下的累计赔偿责任不超过合同总价的百分之五十，且最高不超过人民币十万元。\n"
	ents := Extract(text, "zh")
	if !withRole(ents, KindMoney, "CNY 100000", RoleLiabilityCap) {
		t.Errorf("no CNY 100000 liability cap: %+v", ents)
	}
	if !withRole(ents, KindMoney, "CNY 200000", RoleContractValue) {
		t.Errorf("no CNY 200000 contract value: %+v", ents)
	}
}

// A key-details schedule's cap line ("Liability Cap: £2,000,000") is the
// liability cap: it was an amount without a role.
func TestLiabilityCapLabel(t *testing.T) {
	for _, label := range []string{"Liability Cap", "Cap on Liability", "Limitation of Liability", "Aggregate Liability Cap"} {
		text := "SUPPLY AGREEMENT\n\nKey Details\nSupplier: Orion Components Ltd\nCustomer: Maple Retail plc\n" +
			"Contract Value: £1,250,000\n" + label + ": £2,000,000\n\n1. The Supplier shall supply the Goods to the Customer.\n"
		ents := Extract(text, "en")
		if !withRole(ents, KindMoney, "GBP 2000000", RoleLiabilityCap) {
			t.Errorf("%s: no GBP 2000000 liability cap: %+v", label, ents)
		}
		if !withRole(ents, KindMoney, "GBP 1250000", RoleContractValue) {
			t.Errorf("%s: no GBP 1250000 contract value: %+v", label, ents)
		}
	}
}
