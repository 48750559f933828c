<?php
// Sources (the index gave no repository names; read_file / find_string index ids):
//   37065337011  backend\modules\product\models\ProductSearch (Yii 2 back office, "bpr_" tables)
//   21533232006  api\modules\doctor\models\DashboardApiModel (Yii 2 doctor/clinic API)
// Classes: Yii 2 `Yii::$app->db->createCommand("…", $params)->queryAll()/queryScalar()` with
// `:name` binds given as an array, MySQL backtick identifiers (hard case), `like :companyname` with
// the `%` added to the bound value, the same query in if/else branches with and without WHERE;
// decoys: Yii query-builder operator arrays (`['like', 'name', …]`, `['in', 'company_id_fk', …]`),
// `andFilterWhere([...])` hash conditions, 'defaultOrder' => ['part' => SORT_DESC], sort
// parameters ("-" prefix), validation rules ('integer', 'safe'), commented-out conditions.
// Adaptations: two files concatenated (each keeps its own unbracketed namespace declaration; the
// second file's opening tag `<?PHP` dropped); ProductSearch::scenarios() was dropped and searchExcel was shortened (its
// andFilterWhere block, identical to search(), dropped). Otherwise verbatim.

namespace backend\modules\product\models;

use Yii;
use yii\base\Model;
use yii\data\ActiveDataProvider;
use backend\modules\product\models\Product;

/**
 * ProductSearch represents the model behind the search form about `backend\modules\product\models\Product`.
 */
class ProductSearch extends Product
{
    /**
     * @inheritdoc
     */
    public function rules()
    {
        return [
            [['product_id_pk'], 'integer'],
            [['name', 'part', 'code','company_id_fk','unit_id_fk'], 'safe'],
        ];
    }

    /**
     * Creates data provider instance with search query applied
     *
     * @param array $params
     *
     * @return ActiveDataProvider
     */
    public function search($params)
    {
        $query = Product::find();

        $dataProvider = new ActiveDataProvider([
            'query' => $query,
			'sort'=> ['defaultOrder' => ['part'=>SORT_DESC]]
        ]);

        $this->load($params);

        if (!$this->validate()) {
            // uncomment the following line if you do not want to return any records when validation fails
            // return $dataProvider;
        }
		$companyid = array(); $unitid = array();
		
		if(isset($this->company_id_fk) && $this->company_id_fk!='')
			$companyid = $this->getCompanyID($this->company_id_fk);
			
		if(isset($this->unit_id_fk) && $this->unit_id_fk!='')
			$unitid = $this->getUnitID($this->unit_id_fk);

        $query->andFilterWhere([
            'product_id_pk' => $this->product_id_pk,
            'qty' => $this->qty,
			'isDeleted' => '0',
			//'company_id_fk' => $companyid,
            //'unit_id_fk' => $unitid,
			'super_company_id_fk' => Yii::$app->user->identity->super_company_id_fk,
        ]);

		$query->andFilterWhere(['in', 'company_id_fk', $companyid]);
		$query->andFilterWhere(['in', 'unit_id_fk', $unitid]);
		
        $query->andFilterWhere(['like', 'name', trim($this->name)])
            ->andFilterWhere(['like', 'part', trim($this->part)])
            ->andFilterWhere(['like', 'code', trim($this->code)]);

        return $dataProvider;
    }
	
	public function getCompanyID($companyname)
	{
		$name = array();
		$companyname = trim($companyname);
		$params = [':companyname' => "%".$companyname."%"];
		$Company = Yii::$app->db->createCommand("SELECT company_id_pk FROM bpr_company WHERE name like :companyname", $params)->queryAll(); // expect: static
		if(is_array($Company) && count($Company)>0)
		{
			foreach($Company as $k=>$v)
			{
				if($v['company_id_pk'])
    				$name = $v['company_id_pk'];
				else
					$name[] = 0;
			}
		}
		else
		{
			$name[] = 0;
		}
		return $name;
	}
	
	public function getUnitID($unitname)
	{
		$name = array();
		$unitname = trim($unitname);
		$params = [':unitname' => '%'.$unitname.'%'];
		$Unit = Yii::$app->db->createCommand("SELECT unit_id_pk FROM bpr_unit WHERE name like :unitname", $params)->queryAll(); // expect: static
		if(is_array($Unit) && count($Unit)>0)
		{
			foreach($Unit as $k=>$v)
			{
				if($v['unit_id_pk'])
    				$name[] = $v['unit_id_pk'];
				else
					$name[] = 0;
			}
		}
		else
		{
			$name[] = 0;
		}
		return $name;
	}
	
	public function searchExcel($params)
    {
       $query = Product::find();

	   $sortOrd = SORT_DESC; $sortBy = 'part';
	   
	   if(isset($params['sort']) && $params['sort']!='')
	   {
			if(substr($params['sort'],0,1)=="-")
			{
				$sortOrd = SORT_DESC;
				$sortBy = ltrim($params['sort'],'-');
			}
			else
			{
				$sortOrd = SORT_ASC;
				$sortBy = $params['sort'];
			}
	   }
	   $query->orderBy([$sortBy=>$sortOrd]);
		
       $this->load($params);

		$results = $query->all();
        return $results;
    }
}

namespace api\modules\doctor\models;

use yii;
use yii\base\Model;

class DashboardApiModel extends Model
{

    public static function PromotionCount($connectID,$connectTYPE)
    {
        return Yii::$app->db->createCommand("SELECT count(`id`) AS `count` FROM `site_promotions` WHERE `connect_id`=:connect_id AND `type`=:type_ AND `status`=:status",[':connect_id'=>$connectID,':type_'=>$connectTYPE,':status'=>1])->queryScalar(); // expect: static
    }

    public static function QuestionCount($id = null)
    {
        if($id == null)
        {
            return Yii::$app->db->createCommand("SELECT count(`id`) AS `count` FROM `site_consultation`")->queryScalar(); // expect: static
        }else{
            return Yii::$app->db->createCommand("SELECT count(`id`) AS `count` FROM `site_consultation` WHERE `doctor_id`=:doctor_id",[':doctor_id'=>$id])->queryScalar(); // expect: static
        }
    }

    public static function CommentCount($connect_id = null,$type = null)
    {
        if($type == null)
        {
            return Yii::$app->db->createCommand("SELECT count(`id`) AS `count` FROM `site_comments`")->queryScalar(); // expect: static
        }else{
            return Yii::$app->db->createCommand("SELECT count(`id`) AS `count` FROM `site_comments` WHERE `connect_id`=:connect_id AND `type`=:type_",[':connect_id'=>$connect_id,':type_'=>$type])->queryScalar(); // expect: static
        }
    }

    public static function NewsCount($connectID,$connectTYPE,$categoryID)
    {
        return Yii::$app->db->createCommand("SELECT count(`id`) AS `count` FROM `site_news` WHERE `connect_id`=:connect_id AND `type`=:type_ AND `category_id`=:category_id AND `status`=:status",[':connect_id'=>$connectID,':type_'=>$connectTYPE,':category_id'=>$categoryID,':status'=>1])->queryScalar(); // expect: static
    }

    public static function RezervasiyaCount($id = null)
    {
        if($id == null)
        {
            return Yii::$app->db->createCommand("SELECT count(`id`) AS `count` FROM `site_appoint`")->queryScalar(); // expect: static
        }else{
            return Yii::$app->db->createCommand("SELECT count(`id`) AS `count` FROM `site_appoint` WHERE `doctor_id`=:doctor_id",[':doctor_id'=>$id])->queryScalar(); // expect: static
        }
    }

}
